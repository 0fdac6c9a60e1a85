/**
 * PGlite has no file lock of its own: two processes on one data folder corrupt it. We take an
 * exclusive lock file with our pid; a second live process is refused with a clear message, a
 * lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`De database in ${dataDir} is al in gebruik door proces ${pid}. ` +
				`Er mag maar één Steunpunt-proces tegelijk met deze PGlite-map werken. ` +
				`Stop dat proces, of kies een andere map met DATA_DIR (of gebruik DATABASE_URL).`
		);
		this.name = 'DataDirLockedError';
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Takes the lock on `dataDir` for this process; returns a function that releases it. */
export function lockDataDir(dataDir: string): () => void {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = path.join(dataDir, 'steunpunt.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = fs.openSync(file, 'wx');
			fs.writeSync(fd, String(process.pid));
			fs.closeSync(fd);
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				try {
					if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
				} catch {
					// already gone: nothing to release
				}
			};
			process.once('exit', release);
			return release;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const pid = Number(fs.readFileSync(file, 'utf8').trim());
			if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
			fs.rmSync(file, { force: true }); // stale lock of a process that is gone
		}
	}
	throw new Error(`Kon de lock op ${dataDir} niet nemen.`);
}
