/**
 * Typed, never-throwing access to untrusted JSON values. Runtime outputs drift in spelling
 * (`InfraContainerID` vs `InfraContainerId`) and shape (string vs number PIDs), so every getter
 * returns `undefined` for anything unexpected instead of trusting the input.
 */
import { toInt } from '../../text.ts';

export type Obj = Readonly<Record<string, unknown>>;

/** A plain object (not an array, not null). `obj([])` → `undefined`. */
export function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** An array, or `undefined`. `arr({})` → `undefined`. */
export function arr(v: unknown): readonly unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

/** A non-empty string, or `undefined`. `str('')` → `undefined`. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A non-negative safe integer, from a number or a decimal string. `int('42')` → `42`. */
export function int(v: unknown): number | undefined {
  return toInt(v);
}

/** A positive PID: 0 means "not running" in every runtime's output. `pid(0)` → `undefined`. */
export function pid(v: unknown): number | undefined {
  const n = toInt(v);
  return n !== undefined && n > 0 ? n : undefined;
}

/** Follows a path of keys. `at({a:{b:1}}, 'a', 'b')` → `1`. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const key of path) {
    const o = obj(cur);
    if (!o || !Object.hasOwn(o, key)) return undefined;
    cur = o[key];
  }
  return cur;
}

/** The first of several spellings of a key that is present. `pick({Id:1}, 'ID', 'Id')` → `1`. */
export function pick(o: Obj | undefined, ...keys: string[]): unknown {
  if (!o) return undefined;
  for (const k of keys) if (Object.hasOwn(o, k) && o[k] !== undefined) return o[k];
  return undefined;
}

/** A string-to-string map such as labels; other values are dropped. `strMap({a:'x',b:1})` → `{a:'x'}`. */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const o = obj(v);
  if (!o) return out;
  for (const [k, val] of Object.entries(o)) if (typeof val === 'string') out[k] = val;
  return out;
}

/** A lower-case hex container or sandbox id, 12 to 64 digits. `isHexId('ca7f3da2be744')` → `true`. */
export function isHexId(s: string): boolean {
  return /^[0-9a-f]{12,64}$/.test(s);
}
