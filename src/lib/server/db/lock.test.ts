import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'steunpunt-lock-'));

describe('lockDataDir', () => {
	it('refuses a second process on the same PGlite folder with a clear message', async () => {
		const dir = tmp();
		const other = spawn('sleep', ['30']);
		try {
			fs.writeFileSync(path.join(dir, 'steunpunt.lock'), String(other.pid));
			expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
			expect(() => lockDataDir(dir)).toThrow(/al in gebruik door proces/);
		} finally {
			other.kill();
		}
	});

	it('takes over the lock of a process that is gone, and releases it', async () => {
		const dir = tmp();
		const gone = spawn('true');
		await new Promise((r) => gone.once('exit', r));
		fs.writeFileSync(path.join(dir, 'steunpunt.lock'), String(gone.pid));
		const release = lockDataDir(dir);
		expect(fs.readFileSync(path.join(dir, 'steunpunt.lock'), 'utf8')).toBe(String(process.pid));
		release();
		expect(fs.existsSync(path.join(dir, 'steunpunt.lock'))).toBe(false);
	});

	it('creates the data folder when it does not exist', () => {
		const dir = path.join(tmp(), 'nieuw', 'data');
		const release = lockDataDir(dir);
		expect(fs.existsSync(dir)).toBe(true);
		release();
	});
});
