import type { MouseEvent } from 'react';
import type { ConnectionProfile } from '../../../shared/model/connection';
import type { ConnectionRuntime } from '../../store/connections-slice';
import { MoreIcon } from '../../ui/icons';
import { ConnectionModeBadge } from './ConnectionModeBadge';
import { connectionLocation, ENGINE_LABELS } from './engines';

interface ConnectionItemProps {
  profile: ConnectionProfile;
  active: boolean;
  runtime: ConnectionRuntime | undefined;
  onSelect: () => void;
  onEdit: () => void;
  onMenu: (x: number, y: number) => void;
}

const STATUS_TEXT = { open: 'connected', opening: 'connecting', error: 'connection failed', closed: 'not connected' } as const;

export function ConnectionItem({ profile, active, runtime, onSelect, onEdit, onMenu }: ConnectionItemProps) {
  const status = runtime?.status ?? 'closed';
  const location = connectionLocation(profile);
  const openMenu = (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    onMenu(event.clientX, event.clientY);
  };
  const openMenuFromButton = (event: MouseEvent<HTMLButtonElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onMenu(rect.left, rect.bottom + 2);
  };

  return (
    <li className={['conn-item', active ? 'conn-item-active' : '', profile.production ? 'conn-item-production' : ''].filter(Boolean).join(' ')} onContextMenu={openMenu}>
      <button
        type="button"
        className="conn-main"
        aria-current={active ? 'true' : undefined}
        onClick={onSelect}
        onDoubleClick={onEdit}
        title={runtime?.status === 'error' && runtime.message ? runtime.message : profile.engine === 'sqlite' ? profile.filePath : undefined}
      >
        <span className="conn-dot" style={{ background: profile.color }} aria-hidden="true" />
        <span className="conn-text">
          <span className="conn-name">{profile.name}</span>
          <span className="conn-sub">
            {ENGINE_LABELS[profile.engine]}
            {location ? ` · ${location}` : ''}
          </span>
        </span>
        <ConnectionModeBadge profile={profile} />
        <span className={`conn-status conn-status-${status}`} aria-hidden="true" />
        <span className="visually-hidden">{STATUS_TEXT[status]}</span>
      </button>
      <button type="button" className="icon-btn conn-more" aria-label="More actions" title="More actions" aria-haspopup="menu" onClick={openMenuFromButton}>
        <MoreIcon />
      </button>
    </li>
  );
}
