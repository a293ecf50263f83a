import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionResult } from './server-actions';

describe('actionResult', () => {
  it('reads the value a server action returned from its RSC answer', () => {
    const body = '0:{"a":"$@1","q":"","i":false,"b":"build"}\n1:{"ok":true,"data":{"challenge":"abc","x":"$undefined","y":"$$dollar"}}\n';
    assert.deepEqual(actionResult(body), { ok: true, data: { challenge: 'abc', y: '$dollar' } }); // undefined members are left out
  });

  it('finds it among the rows of a re-rendered page', () => {
    const body = '2:"/_next/static/chunks/a.js"\n4:I[39756,["$2"],"$3"]\n:HL["/x.css","style"]\n0:{"a":"$@1f","f":[],"b":"build"}\n1f:{"ok":true,"data":null}\n';
    assert.deepEqual(actionResult(body), { ok: true, data: null });
  });
});
