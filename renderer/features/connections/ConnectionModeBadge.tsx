import type { ConnectionProfile } from '../../../shared/model/connection';
import { LockIcon } from '../../ui/icons';
import { readOnlyMeaning } from './engines';
import './connection-mode.css';

type ModeProfile = Pick<ConnectionProfile, 'engine' | 'readOnly' | 'production'>;

export function ProductionBadge() {
  return (
    <span className="mode-badge mode-badge-production" title="Production connection: DELETE, UPDATE, ALTER, GRANT, REVOKE and destructive statements ask for the connection's name before they run.">
      Production
    </span>
  );
}

export function ReadOnlyBadge({ engine }: { engine: ModeProfile['engine'] }) {
  return (
    <span className="mode-badge mode-badge-read-only" title={`Read-only. ${readOnlyMeaning(engine)}`}>
      <LockIcon size={10} />
      Read-only
    </span>
  );
}

/** The connection's safety mode at a glance: a PRODUCTION tag and a read-only lock; nothing for ordinary connections. */
export function ConnectionModeBadge({ profile }: { profile: ModeProfile | null | undefined }) {
  if (!profile || (!profile.production && !profile.readOnly)) return null;
  return (
    <span className="mode-badges">
      {profile.production ? <ProductionBadge /> : null}
      {profile.readOnly ? <ReadOnlyBadge engine={profile.engine} /> : null}
    </span>
  );
}
