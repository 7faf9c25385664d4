/**
 * Just enough protocol buffers to edit an ONNX file: a message is its list of fields in wire order, so anything not
 * touched is written back byte for byte. Varints are bigints (int64 fields may be negative); length-delimited values
 * are views into the source bytes.
 */
export type Field =
  | { no: number; wire: 0; value: bigint }
  | { no: number; wire: 1 | 5; value: Uint8Array }
  | { no: number; wire: 2; value: Uint8Array };

export type Message = Field[];

function readVarint(bytes: Uint8Array, at: number): [bigint, number] {
  let value = 0n;
  let shift = 0n;
  for (;;) {
    if (at >= bytes.length) throw new Error('protobuf: truncated varint');
    const byte = bytes[at++]!;
    value |= BigInt(byte & 0x7f) << shift;
    if (byte < 0x80) return [value, at];
    shift += 7n;
  }
}

export function decode(input: Uint8Array): Message {
  // a plain view, so that slices of a Node Buffer copy instead of sharing the buffer
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.length);
  const fields: Message = [];
  let at = 0;
  while (at < bytes.length) {
    const [key, next] = readVarint(bytes, at);
    at = next;
    const no = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const [value, after] = readVarint(bytes, at);
      fields.push({ no, wire, value });
      at = after;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      fields.push({ no, wire, value: bytes.subarray(at, at + size) });
      at += size;
    } else if (wire === 2) {
      const [length, after] = readVarint(bytes, at);
      const end = after + Number(length);
      if (end > bytes.length) throw new Error('protobuf: truncated field');
      fields.push({ no, wire, value: bytes.subarray(after, end) });
      at = end;
    } else {
      throw new Error(`protobuf: unsupported wire type ${wire}`);
    }
  }
  return fields;
}

function varintBytes(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

export function encode(message: Message): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const push = (part: Uint8Array): void => {
    parts.push(part);
    total += part.length;
  };
  for (const field of message) {
    push(Uint8Array.from(varintBytes(BigInt((field.no << 3) | field.wire))));
    if (field.wire === 0) push(Uint8Array.from(varintBytes(field.value)));
    else {
      if (field.wire === 2) push(Uint8Array.from(varintBytes(BigInt(field.value.length))));
      push(field.value);
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const utf8 = new TextDecoder();
const toUtf8 = new TextEncoder();

export const bytesField = (no: number, value: Uint8Array): Field => ({ no, wire: 2, value });
export const stringField = (no: number, value: string): Field => bytesField(no, toUtf8.encode(value));
export const varintField = (no: number, value: number | bigint): Field => ({ no, wire: 0, value: BigInt(value) });
export const messageField = (no: number, message: Message): Field => bytesField(no, encode(message));

export const all = (message: Message, no: number): Field[] => message.filter((f) => f.no === no);

function bytesOf(message: Message, no: number): Uint8Array | undefined {
  const field = message.find((f) => f.no === no);
  return field && field.wire === 2 ? field.value : undefined;
}

export function stringOf(message: Message, no: number): string | undefined {
  const value = bytesOf(message, no);
  return value && utf8.decode(value);
}

export function varintOf(message: Message, no: number): bigint | undefined {
  const field = message.find((f) => f.no === no);
  return field && field.wire === 0 ? field.value : undefined;
}
