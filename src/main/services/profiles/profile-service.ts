// Saved connections: the profiles document, read once and kept in memory.
import { randomUUID } from 'node:crypto';
import {
  PROFILES_VERSION,
  profilesDocumentSchema,
  profileSchema,
  type Profile,
  type ProfileDraft,
  type ProfilesDocument,
} from '../../../shared/model/profile';
import { AppError } from '../../core/app-error';
import { requireUserPath } from '../../core/user-path';
import { backupRoute } from './backup-portal';
import type { VersionedDocument } from '../../storage/conf-store';
import type { DocumentStore } from '../../storage/document-store';

export const profilesDocument: VersionedDocument<ProfilesDocument> = {
  schema: profilesDocumentSchema,
  version: PROFILES_VERSION,
  defaults: { schemaVersion: PROFILES_VERSION, profiles: [] },
};

export class ProfileService {
  private readonly listeners = new Set<(profiles: Profile[]) => void>();

  constructor(private readonly store: DocumentStore<ProfilesDocument>) {}

  /** Called after every change, marking a profile as used included (the tray lists favourites and recent ones). */
  onChange(listener: (profiles: Profile[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(doc: ProfilesDocument): void {
    this.store.write(doc);
    for (const listener of this.listeners) listener(doc.profiles);
  }

  list(): Profile[] {
    return this.store.read().profiles;
  }

  get(id: string): Profile {
    const profile = this.list().find((p) => p.id === id);
    if (!profile) throw new AppError('profile.notFound', { id });
    return profile;
  }

  save(draft: ProfileDraft): Profile {
    const doc = this.store.read();
    const profile = profileSchema.parse({ ...draft, id: draft.id ?? randomUUID() });
    // A typed key path is checked here, not by the schema: a stored profile
    // with an old relative path must still load (it is refused when used).
    if (profile.keyPath) requireUserPath(profile.keyPath);
    if (profile.kind === 'backup') backupRoute(profile);
    const index = doc.profiles.findIndex((p) => p.id === profile.id);
    if (draft.id && index < 0) throw new AppError('profile.notFound', { id: draft.id });
    if (index >= 0) doc.profiles[index] = profile;
    else doc.profiles.push(profile);
    this.write(doc);
    return profile;
  }

  /** Marks a profile as just used, for "recent first". */
  touch(id: string, now = Date.now()): void {
    const doc = this.store.read();
    const index = doc.profiles.findIndex((p) => p.id === id);
    if (index < 0) return;
    doc.profiles[index] = { ...doc.profiles[index]!, lastUsedAt: now };
    this.write(doc);
  }

  remove(id: string): void {
    const doc = this.store.read();
    const profiles = doc.profiles.filter((p) => p.id !== id);
    if (profiles.length === doc.profiles.length) throw new AppError('profile.notFound', { id });
    this.write({ ...doc, profiles });
  }
}
