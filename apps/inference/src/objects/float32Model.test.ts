import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { toFloat32 } from './float32Model.js';
import { all, bytesField, decode, encode, messageField, stringField, stringOf, varintField, varintOf, type Message } from './protobuf.js';

const node = (op: string, inputs: string[], output: string, to?: number): Message => [
  ...inputs.map((i) => stringField(1, i)),
  stringField(2, output),
  stringField(4, op),
  ...(to === undefined ? [] : [messageField(5, [stringField(1, 'to'), varintField(3, to), varintField(20, 2)])]),
];
const floatTensor = (name: string): Message => [
  stringField(1, name),
  messageField(2, [messageField(1, [varintField(1, 1), messageField(2, [messageField(1, [varintField(1, 2)])])])]),
];

/** y = float32(float16(x) + [1.5, -2]), the pattern of @imgly's float16 IS-Net. */
function halfModel(): Uint8Array {
  const constant = [varintField(1, 2), varintField(2, 10), stringField(8, 'c'), bytesField(9, Uint8Array.of(0x00, 0x3e, 0x00, 0xc0))];
  const graph: Message = [
    messageField(1, node('Cast', ['x'], 'xh', 10)),
    messageField(1, node('Add', ['xh', 'c'], 'yh')),
    messageField(1, node('Cast', ['yh'], 'y', 1)),
    stringField(2, 'half'),
    messageField(5, constant),
    messageField(11, floatTensor('x')),
    messageField(12, floatTensor('y')),
  ];
  return encode([varintField(1, 8), messageField(8, [stringField(1, ''), varintField(2, 15)]), messageField(7, graph)]);
}

describe('toFloat32', () => {
  it('widens float16 weights and drops the casts, computing the same result', async () => {
    const model = toFloat32(halfModel());
    const graph = decode(all(decode(model), 7)[0]!.value as Uint8Array);
    const ops = all(graph, 1).map((f) => stringOf(decode(f.value as Uint8Array), 4));
    expect(ops).toEqual(['Identity', 'Add', 'Identity']);
    expect(all(graph, 5).map((f) => varintOf(decode(f.value as Uint8Array), 2))).toEqual([1n]);

    const session = await ort.InferenceSession.create(model);
    const { y } = await session.run({ x: new ort.Tensor('float32', Float32Array.of(0.25, 1), [2]) });
    expect(Array.from(y!.data as Float32Array)).toEqual([1.75, -1]);
  });

  it('leaves a float32 model as it is', () => {
    const model = toFloat32(halfModel());
    expect(toFloat32(model)).toEqual(model);
  });
});
