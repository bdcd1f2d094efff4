// What stands at an offset: the blocks an offset touches, found by bisection, are those a walk
// over every block finds — blocks glued together (`}decision`), an offset between blocks, at
// either end of the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../grammar/index.ts';
import { blocksTouching, touches } from '../../server/src/service/locate.ts';

const read = (file: string): string => readFileSync(new URL(`../../../shared/spec/examples/${file}.salastus`, import.meta.url), 'utf8');

describe('service: locate', () => {
  it('blocksTouching gives, at every offset, the blocks a walk over all of them finds, in order', () => {
    // The spec's examples as written, and with the line breaks before each block taken out (glued blocks).
    const texts = [read('clean'), read('mistakes'), read('clean').replace(/\n+(?=(decision|marking|extension|declassification|correction) ")/g, '')];
    let glued = 0;
    for (const text of texts) {
      const doc = parseDocument(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const walked = doc.blocks.filter((b) => touches(b.span, offset));
        if (walked.length > 1) glued++;
        assert.deepEqual(blocksTouching(doc, offset), walked, `offset ${offset}`);
      }
    }
    assert.ok(glued > 0, 'no offset touched two blocks');
  });
});
