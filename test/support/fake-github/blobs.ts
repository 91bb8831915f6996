import { randomUUID } from 'node:crypto';
import { blobError } from './error-bodies.js';
import type { FakeRequest, Reply } from './http.js';
import type { FakeState } from './state.js';
import type { UploadRecord } from './types.js';

const BLOB_PATH = /^\/blobs\/actions-results\/[^/]+$/;

/** The Azure blob storage behind signed URLs: what the Azure SDK and the download GET use. */
export function handleBlob(req: FakeRequest, state: FakeState): Reply | undefined {
  if (!BLOB_PATH.test(req.url.pathname)) return undefined;
  const sig = req.url.searchParams.get('sig');
  if (req.method === 'GET') {
    const artifact = state.artifactStore.downloadBySig(sig);
    if (!artifact) return blobError(404, 'BlobNotFound', 'The specified blob does not exist.');
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(artifact.name)}.zip`,
      },
      bytes: artifact.zipBytes,
    };
  }
  const upload = req.method === 'PUT' ? state.artifactStore.uploadBySig(sig) : undefined;
  if (!upload) return blobError(403, 'AuthenticationFailed', 'Signature did not match.');
  const comp = req.url.searchParams.get('comp');
  if (comp === 'block') return stageBlock(upload, req);
  if (comp === 'blocklist') return commitBlockList(upload, req);
  return undefined;
}

function stageBlock(upload: UploadRecord, req: FakeRequest): Reply {
  const blockId = req.url.searchParams.get('blockid');
  if (!blockId) return blobError(400, 'InvalidQueryParameterValue', 'blockid is required.');
  upload.blocks.set(blockId, req.body);
  return created();
}

/** `<BlockList><Latest>id</Latest>…</BlockList>`: the blob is the blocks in that order. */
function commitBlockList(upload: UploadRecord, req: FakeRequest): Reply {
  const ids = [
    ...req.body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g),
  ].map((match) => match[2] ?? '');
  const blocks = ids.map((id) => upload.blocks.get(id));
  if (blocks.some((block) => block === undefined)) {
    return blobError(400, 'InvalidBlockList', 'The specified block list is invalid.');
  }
  upload.committed = Buffer.concat(blocks as Buffer[]);
  upload.blocks.clear();
  return created();
}

/** Azure answers both block calls with 201; the SDK throws (with no message) on a 200. */
function created(): Reply {
  return {
    status: 201,
    headers: {
      etag: `"0x${randomUUID().replace(/-/g, '').slice(0, 15).toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2024-11-04',
      'x-ms-request-server-encrypted': 'true',
    },
  };
}
