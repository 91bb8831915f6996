import type { CommentRecord } from './types.js';

export interface CommentAuthor {
  login: string;
  type: 'Bot' | 'User';
}

/** Issue and pull request comments of the fake repository (PRs are issues here too). */
export class CommentStore {
  private readonly byId = new Map<number, CommentRecord>();
  private lastId = 900_000;

  add(issue: number, body: string, author: CommentAuthor, at = new Date()): CommentRecord {
    const { login, type } = author;
    const comment = { id: ++this.lastId, issue, body, login, type, createdAt: at, updatedAt: at };
    this.byId.set(comment.id, comment);
    return comment;
  }

  get(id: number): CommentRecord | undefined {
    return this.byId.get(id);
  }

  /** Oldest first, as GitHub lists them. */
  ofIssue(issue: number): CommentRecord[] {
    return [...this.byId.values()].filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  delete(id: number): boolean {
    return this.byId.delete(id);
  }

  update(comment: CommentRecord, body: string): CommentRecord {
    comment.body = body;
    comment.updatedAt = new Date();
    return comment;
  }
}
