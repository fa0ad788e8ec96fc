// A start-up failure the user can fix: main prints its message ("FirstLine cannot start. …") and exits 1.
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
