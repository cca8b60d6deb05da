/** The last content of the Test post screen, kept in this browser so a reload does not lose it. */
const KEY = 'passivewp.test-post.content';

export function readStoredPost(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storePost(content: string): void {
  try {
    window.localStorage.setItem(KEY, content);
  } catch {
    // Private mode or a full quota: the screen still works, it just forgets on reload.
  }
}
