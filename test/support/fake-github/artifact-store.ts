import { createHash, randomBytes } from 'node:crypto';
import type { ArtifactRecord, UploadRecord } from './types.js';

/** How long an artifact lives unless its upload says otherwise (GitHub's default). */
const RETENTION_MS = 90 * 24 * 3600 * 1000;

export type NewArtifact = Omit<ArtifactRecord, 'id' | 'expiresAt' | 'expired'> & {
  expiresAt?: Date | null;
  expired?: boolean;
};

/** Artifacts, uploads in flight, and the signed blob links that reach them. */
export class ArtifactStore {
  private readonly byId = new Map<number, ArtifactRecord>();
  private readonly uploadsBySig = new Map<string, UploadRecord>();
  private readonly downloadsBySig = new Map<string, number>();
  private lastId = 100;
  private lastUpload = 0;

  constructor(private readonly origin: string) {}

  add(fields: NewArtifact): ArtifactRecord {
    const artifact: ArtifactRecord = {
      ...fields,
      id: ++this.lastId,
      expiresAt: fields.expiresAt ?? new Date(fields.createdAt.getTime() + RETENTION_MS),
      expired: fields.expired ?? false,
    };
    this.byId.set(artifact.id, artifact);
    return artifact;
  }

  get(id: number): ArtifactRecord | undefined {
    return this.byId.get(id);
  }

  delete(id: number): boolean {
    return this.byId.delete(id);
  }

  isExpired(artifact: ArtifactRecord): boolean {
    return artifact.expired || artifact.expiresAt.getTime() <= Date.now();
  }

  /** Newest first, as GitHub lists them; `filter` narrows. */
  list(filter: (artifact: ArtifactRecord) => boolean = () => true): ArtifactRecord[] {
    return [...this.byId.values()]
      .filter(filter)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  }

  /** An unexpired artifact of the run with that name (names are unique per run). */
  findInRun(runId: number, name: string): ArtifactRecord | undefined {
    return this.list((a) => a.runId === runId && a.name === name && !this.isExpired(a))[0];
  }

  /**
   * Whether the run reserved the name: an upload was created and not finalized (its Finalize
   * failed, its reply was lost, or the step was killed). GitHub keeps such a name taken.
   */
  isReserved(runId: number, name: string): boolean {
    return this.findUpload(runId, name) !== undefined;
  }

  /** Registers an upload; the answer is its signed URL on the fake blob service. */
  startUpload(upload: Omit<UploadRecord, 'blocks' | 'committed'>): string {
    const sig = newSig();
    this.uploadsBySig.set(sig, { ...upload, blocks: new Map(), committed: null });
    return this.blobUrl(`upload-${++this.lastUpload}.zip`, 'cw', sig);
  }

  uploadBySig(sig: string | null): UploadRecord | undefined {
    return sig === null ? undefined : this.uploadsBySig.get(sig);
  }

  /** The run's upload of that name in flight, if any. */
  findUpload(runId: number, name: string): UploadRecord | undefined {
    return [...this.uploadsBySig.values()].find((u) => u.runId === runId && u.name === name);
  }

  /** Takes the upload out of the in-flight list: it was finalized. */
  endUpload(upload: UploadRecord): void {
    for (const [sig, pending] of this.uploadsBySig) {
      if (pending === upload) this.uploadsBySig.delete(sig);
    }
  }

  /** A fresh unauthenticated read link, like the SAS URLs GitHub redirects to. */
  downloadUrl(artifact: ArtifactRecord): string {
    const sig = newSig();
    this.downloadsBySig.set(sig, artifact.id);
    return this.blobUrl(`artifact-${artifact.id}.zip`, 'r', sig);
  }

  downloadBySig(sig: string | null): ArtifactRecord | undefined {
    const id = sig === null ? undefined : this.downloadsBySig.get(sig);
    return id === undefined ? undefined : this.byId.get(id);
  }

  // The Azure SDK reads an IP host's path as /<account>/<container>/<blob>.
  private blobUrl(blob: string, permissions: string, sig: string): string {
    return `${this.origin}/blobs/actions-results/${blob}?sv=2023-11-03&sp=${permissions}&sig=${sig}`;
  }
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function newSig(): string {
  return randomBytes(16).toString('hex');
}
