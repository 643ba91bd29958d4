/**
 * Signs in to the pages as a browser does (the form's POST, from this origin) and returns the Cookie
 * header that carries the session.
 */
export async function pageSession(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ token, next: '/' }).toString(),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('kcn_session='));
  if (response.status !== 303 || !session) throw new Error(`signing in to the pages failed: ${response.status}`);
  return session.split(';')[0];
}
