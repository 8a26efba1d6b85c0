import type { ZodError } from 'zod';
import type { StrataError } from '../../shared/errors';
import { isInvokeChannel, type InvokeChannel } from '../../shared/ipc/channels';
import { contract, type ChannelOutput, type ParsedInput } from '../../shared/ipc/contract';
import type { InvokeResult } from '../../shared/ipc/wire';
import { toStrataError } from './errors';
import type { ClientContext } from './services/client-context';

export type Handler<C extends InvokeChannel> = (input: ParsedInput<C>, client: ClientContext) => Promise<ChannelOutput<C>>;
export type Handlers = { [C in InvokeChannel]: Handler<C> };
/** The handlers one service provides. */
export type HandlerGroup<C extends InvokeChannel> = Pick<Handlers, C>;

export interface Host {
  /** Validates, dispatches and reports. Never throws: every failure comes back as { ok: false }. */
  invoke(channel: unknown, input: unknown, client: ClientContext): Promise<InvokeResult>;
}

const MAX_ISSUES = 10;
const MAX_ISSUE_TEXT = 200;

export function createHost(handlers: Handlers, log: (line: string) => void): Host {
  return {
    async invoke(channel, input, client) {
      try {
        if (!isInvokeChannel(channel)) {
          return failure({ code: 'INVALID_INPUT', message: `Unknown channel "${clip(String(channel))}".` });
        }
        const parsed = contract[channel].input.safeParse(input);
        if (!parsed.success) return failure(invalidInput(channel, parsed.error));
        const handler = handlers[channel] as (input: unknown, client: ClientContext) => Promise<unknown>;
        return { ok: true, value: await handler(parsed.data, client) };
      } catch (error) {
        const strataError = toStrataError(error);
        if (strataError.code === 'INTERNAL') log(`${clip(String(channel))} failed: ${strataError.message}`);
        return failure(strataError);
      }
    },
  };
}

function failure(error: StrataError): InvokeResult {
  return { ok: false, error };
}

/** Names the fields that were wrong, never echoing the values (which may be huge, or secret). */
function invalidInput(channel: InvokeChannel, error: ZodError): StrataError {
  const issues = error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: clip(issue.path.map(String).join('.')),
    message: clip(issue.message),
  }));
  const first = issues[0];
  const where = first && first.path ? ` (${first.path}: ${first.message})` : first ? ` (${first.message})` : '';
  return { code: 'INVALID_INPUT', message: `The request to ${channel} was not valid${where}.`, detail: { issues } };
}

function clip(text: string): string {
  return text.length > MAX_ISSUE_TEXT ? `${text.slice(0, MAX_ISSUE_TEXT)}…` : text;
}
