// Sign in with GitHub through NextAuth.js (scopels demo).
import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";

export default NextAuth({
  providers: [
    GitHubProvider({
      clientId: process.env.GITHUB_ID!,
      clientSecret: process.env.GITHUB_SECRET!,
      // GitHub documents spaces between scopes, and one scope has a typo.
      authorization: { params: { scope: "read:user,user:emial" } },
    }),
  ],
});
