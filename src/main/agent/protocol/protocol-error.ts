// A request the agent refuses with FAILURE. It extends the wire reader's
// WireError, so callers catch both (a short read and a broken rule) as one.
import { WireError } from '../../core/wire';

export class ProtocolError extends WireError {
  override name = 'ProtocolError';
}
