/**
 * Whether a request comes from an authenticated editor, who may send documents that are not
 * in the trusted-documents registry. No editor accounts exist yet, so nobody is one: the
 * authentication work replaces this with its Bearer-token check.
 */
export async function isEditorRequest(_request: Request): Promise<boolean> {
  return false;
}
