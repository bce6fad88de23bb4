// The test server serves its own folder and nothing beside it (people copy it to host the app).
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { serve } from '../serve.mjs';

const get = (url) => new Promise((resolve, reject) => {
  http.get(url, (res) => {
    let body = '';
    res.on('data', (c) => { body += c; });
    res.on('end', () => resolve({ status: res.statusCode, body }));
  }).on('error', reject);
});

test('the static server never serves a file outside its folder', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'landscape', 'no browser involved: once is enough');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
  fs.mkdirSync(path.join(root, 'dist'));
  fs.writeFileSync(path.join(root, 'dist', 'index.html'), '<p>app</p>');
  fs.mkdirSync(path.join(root, 'dist-secret'));
  fs.writeFileSync(path.join(root, 'dist-secret', 'secret.txt'), 'SECRET');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'SECRET');
  const s = await serve(path.join(root, 'dist'));
  try {
    for (const p of ['/..%2fdist-secret%2fsecret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/%E0%A4%A']) {
      const r = await get(s.url + p);
      expect(r.body, p).not.toContain('SECRET');
      expect([400, 403, 404], p).toContain(r.status);
    }
    expect((await get(s.url + '/')).body).toContain('app');
    expect((await get(s.url + '/settings')).body).toContain('app');
  } finally {
    await s.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
