import { execFileSync } from 'node:child_process';

/** A command that prints a compose file as the Compose implementation reads it (`config`). */
export interface ComposeTool {
  /** How it is called, e.g. `docker compose` or `docker-compose`. */
  name: string;
  command: string;
  args: string[];
}

/**
 * The Docker Compose plugin if installed, else Debian's standalone `docker-compose`; undefined when
 * neither runs (the caller then says so, and checks the file's structure itself).
 */
export function findComposeTool(): ComposeTool | undefined {
  const candidates: ComposeTool[] = [
    { name: 'docker compose', command: 'docker', args: ['compose'] },
    { name: 'docker-compose', command: 'docker-compose', args: [] },
  ];
  return candidates.find((tool) => {
    try {
      execFileSync(tool.command, [...tool.args, 'version'], { stdio: 'ignore', timeout: 60_000 });
      return true;
    } catch {
      return false;
    }
  });
}
