package extract

import (
	"fmt"
	"strings"
	"testing"
)

// clBenchUnits are realistic pieces of source, one per language, repeated
// (with varying names) to build benchmark files.
var clBenchUnits = map[Format]string{
	FormatJavaScript: `import { useState } from "react";
import GoogleProvider from "next-auth/providers/google";

// Options for the %[1]d-th provider: it's a "comment" with quotes.
export const authOptions%[1]d = {
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_CLIENT_ID,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile", prompt: "consent" } },
    }),
  ],
  callbacks: {
    async jwt({ token, account }) {
      if (account) {
        token.accessToken = account.access_token;
      }
      return token;
    },
  },
};

function buildUrl%[1]d(state, scopes) {
  const base = 'https://github.com/login/oauth/authorize';
  const q = new URLSearchParams({ client_id: CLIENT_ID, scope: scopes.join(" "), state });
  const ratio = total / count / 2;
  const re = /^[a-z]+:\/\/[^"']+$/i;
  return ` + "`${base}?${q.toString()}&allow_signup=false`" + `;
}

export function Login%[1]d({ onDone }) {
  const [busy, setBusy] = useState(false);
  return (
    <button className="btn btn-primary" disabled={busy} onClick={() => signIn("google", { callbackUrl: "/" })}>
      Sign in with Google, it's quick
    </button>
  );
}
`,
	FormatJava: `package com.example.auth%[1]d;

import java.util.Arrays;
import java.util.List;

/** Configuration number %[1]d; "quoted" words in a comment. */
@Configuration
public class OAuthConfig%[1]d {
    private static final List<String> SCOPES = Arrays.asList("openid", "profile", "email");
    private static final String AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth";

    @Bean
    @Scope("prototype")
    public GoogleAuthorizationCodeFlow flow(HttpTransport transport, JsonFactory json) throws IOException {
        GoogleClientSecrets secrets = GoogleClientSecrets.load(json, new InputStreamReader(in));
        return new GoogleAuthorizationCodeFlow.Builder(transport, json, secrets, SCOPES)
            .setAccessType("offline")
            .setApprovalPrompt("force")
            .build();
    }

    public String describe(int n) {
        char sep = ',';
        String s = "count=" + n + "\tscopes=" + String.join(" ", SCOPES);
        for (int i = 0; i < n; i++) {
            if (i %% 2 == 0) { s += '.'; }
        }
        return s;
    }
}
`,
	FormatKotlin: `package com.example.auth%[1]d

// Sign-in number %[1]d; "quoted" in a comment.
class AuthRepository%[1]d(private val context: Context) {
    private val scopes = listOf("openid", "profile", "email")

    fun request(config: AuthorizationServiceConfiguration): AuthorizationRequest {
        val redirect = Uri.parse("com.example.app:/oauth2redirect")
        return AuthorizationRequest.Builder(config, CLIENT_ID, ResponseTypeValues.CODE, redirect)
            .setScope("openid profile offline_access")
            .setAdditionalParameters(mapOf("prompt" to "consent", "access_type" to "offline"))
            .build()
    }

    fun describe(n: Int): String = "requested ${scopes.size} scopes for $n users: ${scopes.joinToString(" ")}"
}
`,
	FormatPHP: `<?php
// Socialite driver %[1]d; it's "quoted" in a comment.
namespace App\Http\Controllers;

class LoginController%[1]d extends Controller
{
    public function redirect()
    {
        return Socialite::driver('github')->scopes(['read:user', 'public_repo'])->redirect();
    }

    public function config(): array
    {
        return [
            'client_id' => env('GITHUB_CLIENT_ID'),
            'redirect' => "https://example.com/auth/{$this->provider}/callback",
            'scopes' => ['read:user', "user:email"],
        ];
    }
}
`,
	FormatRust: `// Client number %[1]d; "quoted" in a comment, it's fine.
fn client%[1]d() -> Result<BasicClient, Box<dyn std::error::Error>> {
    let client = BasicClient::new(ClientId::new("client-id".to_string()))
        .set_auth_uri(AuthUrl::new("https://github.com/login/oauth/authorize".to_string())?)
        .set_redirect_uri(RedirectUrl::new("http://localhost:8080/callback".to_string())?);
    let (url, _csrf) = client
        .authorize_url(CsrfToken::new_random)
        .add_scope(Scope::new("read:user".to_string()))
        .add_scopes(vec![Scope::new("repo".into()), Scope::new("gist".into())])
        .url();
    println!("Open {} in a browser; r#"raw"#", url);
    Ok(client)
}
`,
	FormatSwift: `import AppAuth

// Sign-in number %[1]d; "quoted" in a comment.
final class SignIn%[1]d {
    let issuer = URL(string: "https://accounts.google.com")!

    func start(from viewController: UIViewController, configuration: OIDServiceConfiguration) {
        let request = OIDAuthorizationRequest(configuration: configuration,
                                              clientId: "client-id",
                                              scopes: [OIDScopeOpenID, OIDScopeProfile, "email"],
                                              redirectURL: URL(string: "com.example.app:/oauth2redirect")!,
                                              responseType: OIDResponseTypeCode,
                                              additionalParameters: ["prompt": "consent"])
        print("Requesting \(request.scope ?? "") for \(viewController)")
    }
}
`,
	FormatGo: `package auth%[1]d

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
	"google.golang.org/api/option"
)

// Config %[1]d holds the OAuth client; it's "quoted" in a comment.
var conf%[1]d = &oauth2.Config{
	ClientID:     "client-id",
	ClientSecret: os.Getenv("CLIENT_SECRET"),
	Scopes:       []string{"https://www.googleapis.com/auth/drive.readonly", "openid", "email"},
	Endpoint:     google.Endpoint,
	RedirectURL:  "http://localhost:8080/callback",
}

func authURL%[1]d(state string, extra ...string) string {
	v := url.Values{}
	v.Set("scope", strings.Join(append(conf%[1]d.Scopes, extra...), " "))
	v.Set("state", state)
	for i, s := range extra {
		if i > 0 && s == "" {
			return fmt.Sprintf("bad scope %%d: %%q", i, s)
		}
	}
	return conf%[1]d.AuthCodeURL(state, oauth2.AccessTypeOffline) + "&" + v.Encode()
}

func service%[1]d(ctx context.Context) (*drive.Service, error) {
	ts, err := google.DefaultTokenSource(ctx, "https://www.googleapis.com/auth/cloud-platform")
	if err != nil {
		return nil, fmt.Errorf("token source: %%w", err)
	}
	return drive.NewService(ctx, option.WithTokenSource(ts), option.WithScopes(drive.DriveScope))
}
`,
	FormatCSharp: `using Microsoft.Identity.Client;

namespace Demo%[1]d
{
    // Acquire a token %[1]d; "quoted" in a comment.
    public class TokenService%[1]d
    {
        private static readonly string[] Scopes = new[] { "User.Read", "Mail.Read" };

        public async Task<string> GetTokenAsync(IPublicClientApplication app)
        {
            var accounts = await app.GetAccountsAsync();
            try
            {
                var result = await app.AcquireTokenSilent(Scopes, accounts.FirstOrDefault()).ExecuteAsync();
                return result.AccessToken;
            }
            catch (MsalUiRequiredException)
            {
                var result = await app.AcquireTokenInteractive(new[] { "User.Read" }).WithPrompt(Prompt.SelectAccount).ExecuteAsync();
                Console.WriteLine($"Signed in as {result.Account.Username} at {DateTime.Now:HH:mm}");
                return result.AccessToken;
            }
        }

        public void Configure(OpenIdConnectOptions options)
        {
            options.Scope.Add("openid");
            options.Scope.Add("profile");
            options.CallbackPath = @"\signin-oidc";
        }
    }
}
`,
}

// clBenchSource builds a file of at least size bytes from the unit of f.
func clBenchSource(f Format, size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, clBenchUnits[f], i)
	}
	return []byte(b.String())
}

func clBench(b *testing.B, f Format) {
	src := clBenchSource(f, 1<<20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(extractCLike(f, src)) == 0 {
			b.Fatal("no literals")
		}
	}
}

func BenchmarkExtractCLikeJavaScript(b *testing.B) { clBench(b, FormatJavaScript) }
func BenchmarkExtractCLikeJava(b *testing.B)       { clBench(b, FormatJava) }
func BenchmarkExtractCLikeCSharp(b *testing.B)     { clBench(b, FormatCSharp) }
func BenchmarkExtractCLikeKotlin(b *testing.B)     { clBench(b, FormatKotlin) }
func BenchmarkExtractCLikePHP(b *testing.B)        { clBench(b, FormatPHP) }
func BenchmarkExtractCLikeRust(b *testing.B)       { clBench(b, FormatRust) }
func BenchmarkExtractCLikeSwift(b *testing.B)      { clBench(b, FormatSwift) }
