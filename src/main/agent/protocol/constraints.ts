// Key constraints of ADD_ID_CONSTRAINED: LIFETIME (uint32 seconds) and
// CONFIRM (no data). Anything else, including OpenSSH's restrict-destination
// extension, is refused: silently ignoring a constraint would load a key with
// weaker protection than the user asked for.
import type { WireReader } from '../../core/wire';
import type { KeyConstraints } from '../types';
import { Constraint } from './constants';
import { ProtocolError } from './protocol-error';

export class UnsupportedConstraintError extends ProtocolError {
  override name = 'UnsupportedConstraintError';
}

export function readConstraints(reader: WireReader): KeyConstraints {
  const constraints: KeyConstraints = {};
  while (reader.remaining > 0) {
    const kind = reader.byte();
    switch (kind) {
      case Constraint.LIFETIME: {
        const seconds = reader.uint32();
        if (constraints.lifetimeSeconds !== undefined) throw new ProtocolError('lifetime given twice');
        constraints.lifetimeSeconds = seconds;
        break;
      }
      case Constraint.CONFIRM:
        constraints.confirm = true;
        break;
      case Constraint.EXTENSION:
        throw new UnsupportedConstraintError(`constraint extension ${reader.text()}`);
      default:
        throw new UnsupportedConstraintError(`constraint ${kind}`);
    }
  }
  return constraints;
}

export function writeConstraints(constraints: KeyConstraints): Buffer[] {
  const parts: Buffer[] = [];
  if (constraints.lifetimeSeconds !== undefined) {
    const b = Buffer.alloc(5);
    b[0] = Constraint.LIFETIME;
    b.writeUInt32BE(constraints.lifetimeSeconds, 1);
    parts.push(b);
  }
  if (constraints.confirm) parts.push(Buffer.from([Constraint.CONFIRM]));
  return parts;
}
