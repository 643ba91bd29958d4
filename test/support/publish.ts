import { HttpClient, Reply } from './http-client';
import { waitFor } from './wait-for';

/**
 * Asks for a publication as an admin client would: POST, then, on 202, follow the `Location` until the
 * worker has built it (fetch follows the 303 to the publication). The answer has the POST's status and
 * the publication as `GET /v1/publications/{id}` gives it; anything but 202 comes back as it came.
 */
export async function publish(http: HttpClient, body: object, token: string, timeoutMs = 30_000): Promise<Reply> {
  const asked = await http.post('/v1/publications', body, token);
  if (asked.status !== 202) return asked;
  const location = asked.headers.get('location')!;
  let built = asked;
  await waitFor(
    `publication ${location} built`,
    async () => {
      built = await http.get(location, token);
      return built.status === 200 && built.body.status !== 'pending';
    },
    timeoutMs,
  );
  return { ...built, status: asked.status };
}
