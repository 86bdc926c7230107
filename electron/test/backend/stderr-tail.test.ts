import { describe, expect, it } from 'vitest';
import { createStderrTail } from '../../main/backend/stderr-tail';

describe('createStderrTail', () => {
  it('keeps the last lines, oldest first, however the chunks cut them', () => {
    const tail = createStderrTail(3);
    const text = 'one\ntwo\r\nthree\nfour\nfi';
    for (let i = 0; i < text.length; i += 2) tail.add(Buffer.from(text.slice(i, i + 2)));
    expect(tail.lines()).toEqual(['three', 'four', 'fi']);
    tail.add(Buffer.from('ve\n'));
    expect(tail.lines()).toEqual(['three', 'four', 'five']);
  });

  it('joins a character whose bytes arrive in two chunks', () => {
    const tail = createStderrTail(5);
    const bytes = Buffer.from('odsm: le dossier « données » est en lecture seule\n');
    const cut = bytes.indexOf(Buffer.from('«')) + 1; // inside the two bytes of «
    tail.add(bytes.subarray(0, cut));
    tail.add(bytes.subarray(cut));
    expect(tail.lines()).toEqual(['odsm: le dossier « données » est en lecture seule']);
  });

  it('holds a bounded amount of text after a long run of lines, and still the latest ones whole', () => {
    const tail = createStderrTail(2, 1024);
    for (let i = 0; i < 10_000; i += 1) tail.add(Buffer.from(`{"event":"request.done","n":${i}}\n`));
    expect(tail.lines()).toEqual(['{"event":"request.done","n":9998}', '{"event":"request.done","n":9999}']);
    expect(tail.lines().join('\n').length).toBeLessThan(2 * 1024);
  });
});
