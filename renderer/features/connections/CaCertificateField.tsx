import { api } from '../../bridge';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';

/** The CA certificate file of the verify modes: typed, or chosen in the native file dialog where there is one. */
export function CaCertificateField({
  path,
  error,
  onChange,
  onPickError,
}: {
  path: string;
  error?: string;
  onChange: (path: string) => void;
  onPickError: (message: string) => void;
}) {
  const canPickFiles = useStore((s) => s.appInfo?.canPickFiles ?? false);
  const browse = async () => {
    try {
      const picked = await api.invoke('connection/pick-file', { kind: 'ca-certificate' });
      if (picked.path !== null) onChange(picked.path);
    } catch (pickError) {
      onPickError((pickError as Error).message);
    }
  };
  return (
    <TextField
      className="span-2 mono-input"
      label="CA certificate file"
      value={path}
      onChange={onChange}
      error={error}
      placeholder="/path/to/ca.pem"
      hint="The PEM file of the authority that signed the server's certificate (for a self-signed one, the certificate itself). Empty: the authorities this computer trusts."
      trailing={
        canPickFiles ? (
          <Button onClick={() => void browse()} title="Choose the CA certificate file">
            Browse…
          </Button>
        ) : undefined
      }
    />
  );
}
