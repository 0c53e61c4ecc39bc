// The mobile app's sign-in (scopels demo). The project file grants the
// mobile-app client only api.read_profile.
const ACME_CLIENT_ID = process.env.ACME_CLIENT_ID;

export const scopes = ["api.read_profile", "api.write_multipass"];

export function authorizeURL(state) {
  const params = new URLSearchParams({
    client_id: ACME_CLIENT_ID,
    response_type: "code",
    scope: scopes.join(" "),
    state,
  });
  return `https://auth.acme.example/authorize?${params}`;
}
