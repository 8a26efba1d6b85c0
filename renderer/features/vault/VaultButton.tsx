import { useState, type MouseEvent } from 'react';
import { useStore } from '../../store';
import { IconButton } from '../../ui/Button';
import { LockIcon, UnlockIcon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';

/** The vault's lock state in the sidebar header: unlock when locked; lock or change the password when open. */
export function VaultButton() {
  const vault = useStore((s) => s.vault);
  const openVaultDialog = useStore((s) => s.openVaultDialog);
  const lockVault = useStore((s) => s.lockVault);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);

  if (!vault.exists) return null;
  if (!vault.unlocked) {
    return (
      <IconButton label="Unlock vault" title="Vault locked: click to unlock" className="vault-button vault-locked" onClick={() => openVaultDialog('unlock')}>
        <LockIcon />
      </IconButton>
    );
  }
  const open = (event: MouseEvent<HTMLButtonElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    setMenu({ x: rect.left, y: rect.bottom + 2 });
  };
  return (
    <>
      <IconButton label="Vault unlocked" title="Vault unlocked" className="vault-button vault-unlocked" aria-haspopup="menu" onClick={open}>
        <UnlockIcon />
      </IconButton>
      {menu ? (
        <Menu
          x={menu.x}
          y={menu.y}
          label="Vault"
          onClose={() => setMenu(null)}
          entries={[
            { label: 'Lock vault', onSelect: () => void lockVault() },
            { label: 'Change master password…', onSelect: () => openVaultDialog('change') },
          ]}
        />
      ) : null}
    </>
  );
}
