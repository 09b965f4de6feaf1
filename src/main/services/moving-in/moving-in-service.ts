// Moving in and out: previews of what PuTTY's and OpenSSH's setups hold,
// imports of what the user ticked, and the app's profiles and known hosts
// exported for OpenSSH. Nothing stored is replaced unless the user ticked a
// conflict, which the view marks as replacing.
import { randomUUID } from 'node:crypto';
import type {
  ImportPreview,
  ImportResult,
  ImportSource,
  importSelectionSchema,
} from '../../../shared/contract/moving-in';
import { defaultRemoteUser } from '../../../shared/model/settings';
import type { z } from 'zod';
import { exportKnownHosts } from '../../moving-in/export/known-hosts-export';
import { exportSshConfig } from '../../moving-in/export/ssh-config-export';
import type { KnownHosts } from '../../ssh/known-hosts';
import type { ProfileService } from '../profiles/profile-service';
import type { SettingsService } from '../settings/settings-service';
import { buildPreview, type PreviewItems } from './import-preview';
import { readImportSource, type SourceContext } from './import-sources';

export interface MovingInDeps extends SourceContext {
  profiles: ProfileService;
  settings: SettingsService;
  knownHosts: KnownHosts;
  /** Where OpenSSH reaches the app's agent: the socket, or the OpenSSH pipe on Windows. */
  agentEndpoint: () => string | null;
  now?: () => Date;
}

/** Previews the view may still apply; an older one answers `gone` for its items. */
const KEPT_PREVIEWS = 4;

export class MovingInService {
  private readonly previews = new Map<string, PreviewItems>();

  constructor(private readonly deps: MovingInDeps) {}

  async preview(source: ImportSource): Promise<ImportPreview> {
    const { sources, findings } = await readImportSource(source, this.deps);
    const previewId = randomUUID();
    const { preview, items } = buildPreview(findings, {
      previewId,
      sources,
      existingProfiles: this.deps.profiles.list(),
      compareHostKeys: (keys) => this.deps.knownHosts.compareAll(keys),
      loadedKeyPaths: new Set(this.deps.settings.get().agentKeyPaths),
      home: this.deps.home,
    });
    this.previews.set(previewId, items);
    for (const old of this.previews.keys()) {
      if (this.previews.size <= KEPT_PREVIEWS) break;
      this.previews.delete(old);
    }
    return preview;
  }

  apply(selection: z.output<typeof importSelectionSchema>): ImportResult {
    const result: ImportResult = {
      profilesAdded: 0,
      profilesReplaced: 0,
      hostKeysAdded: 0,
      hostKeysReplaced: 0,
      skipped: [],
    };
    const items = this.previews.get(selection.previewId);
    for (const id of selection.profiles) {
      const item = items?.profiles.get(id);
      if (!item) {
        result.skipped.push({ id, label: id, reason: 'gone' });
        continue;
      }
      if (item.status === 'duplicate') {
        result.skipped.push({ id, label: item.profile.name, reason: 'duplicate' });
        continue;
      }
      // A replaced profile keeps its id (open tabs, favourites) and its place.
      const replaces = item.replaces && this.deps.profiles.list().find((p) => p.id === item.replaces?.id);
      try {
        this.deps.profiles.save({
          ...item.profile,
          ...(replaces
            ? { id: replaces.id, favourite: replaces.favourite, lastUsedAt: replaces.lastUsedAt }
            : {}),
        });
      } catch {
        result.skipped.push({ id, label: item.profile.name, reason: 'invalid' });
        continue;
      }
      if (replaces) result.profilesReplaced += 1;
      else result.profilesAdded += 1;
    }

    const hostKeys = [];
    for (const id of selection.hostKeys) {
      const item = items?.hostKeys.get(id);
      if (!item) result.skipped.push({ id, label: id, reason: 'gone' });
      else if (item.status === 'duplicate')
        result.skipped.push({
          id,
          label: item.hostKey.host ?? item.hostKey.fingerprint,
          reason: 'duplicate',
        });
      else hostKeys.push(item);
    }
    // One write for all keys: a large known_hosts is not written once per line.
    const added = this.deps.knownHosts.add(
      hostKeys.map((item) => item.hostKey),
      { replace: true },
    );
    result.hostKeysReplaced = added.replaced;
    result.hostKeysAdded = added.added;
    // A preview is applied once; the view reads a new one for another round.
    this.previews.delete(selection.previewId);
    return result;
  }

  exportSshConfig(): { fileName: string; text: string } {
    const settings = this.deps.settings.get();
    return {
      fileName: 'fernwartung.ssh-config',
      text: exportSshConfig(this.deps.profiles.list(), {
        defaultUser: defaultRemoteUser(settings),
        agentSocket: this.deps.agentEndpoint(),
        keepAliveSeconds: settings.keepaliveSeconds,
        exportedAt: (this.deps.now ?? (() => new Date()))(),
      }),
    };
  }

  exportKnownHosts(): { fileName: string; text: string } {
    // Not `known_hosts`: saving over the user's own file would lose their entries.
    return {
      fileName: 'known_hosts_fernwartung',
      text: exportKnownHosts(
        this.deps.knownHosts.list().map((entry) => ({
          host: entry.host ?? null,
          port: entry.port ?? null,
          hashedHost: entry.hashedHost ?? null,
          keyType: entry.keyType,
          keyBase64: entry.keyBase64,
        })),
      ),
    };
  }
}
