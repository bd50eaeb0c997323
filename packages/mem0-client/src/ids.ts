import { validationError } from "./errors.js";

// Any RFC 4122-shaped id (versions 1-8 and nil): mem0 mints uuid4, the platform too.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Memory ids go into the URL path and, on the server, straight into a pgvector UUID column: a malformed id
 * comes back as a 502 "unknown" instead of a 404 (mem0-contract §1.4), and an id such as "../reset" would
 * change the route. So anything that is not a UUID is refused before a request is made.
 */
export function assertUuid(field: string, value: unknown): string {
  if (!isUuid(value))
    throw validationError(field, "must be a UUID (e.g. 3f2c9a4e-6a1b-4a53-9a57-0d6f3b1c2e11)");
  return value;
}
