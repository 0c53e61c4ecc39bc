package corpus

import (
	"fmt"
	"strings"
)

// oauthKind is one way OAuth code is written in one format.
type oauthKind struct {
	ext  string
	base string // file name, without the generated prefix; "" for a random one
	// providers the shape is used with ("" entries: any provider).
	providers []string
	// block appends the OAuth code; mistake asks for one wrong scope.
	block func(g *gen, p provider, mistake bool)
	// whole says that block writes a whole file: no filler around it.
	whole bool
}

// oauthKinds lists the shapes, several per format.
var oauthKinds = []oauthKind{
	{ext: "go", providers: []string{"google", "github", "microsoft", "gitlab", "discord"}, block: goConfig},
	{ext: "go", providers: []string{"google"}, block: goWithScopes},
	{ext: "ts", providers: []string{"google", "github", "discord", "spotify", "gitlab"}, block: nextAuth},
	{ext: "ts", providers: []string{"microsoft"}, block: msalJS},
	{ext: "js", providers: []string{"github", "google", "slack"}, block: passport},
	{ext: "py", providers: []string{"google"}, block: pyGoogleFlow},
	{ext: "py", providers: []string{"spotify", "github", "discord"}, block: pyScopeList},
	{ext: "java", providers: []string{"google"}, block: javaGoogle},
	{ext: "kt", providers: []string{"google", "microsoft"}, block: kotlinAppAuth},
	{ext: "cs", providers: []string{"microsoft", "google"}, block: csAspNet},
	{ext: "rb", providers: []string{"github", "google", "slack"}, block: rubyOmniAuth},
	{ext: "php", providers: []string{"github", "google", "slack"}, block: phpSocialite},
	{ext: "rs", providers: []string{"google", "github"}, block: rustOAuth2},
	{ext: "swift", providers: []string{"google", "microsoft"}, block: swiftAuth},
	{ext: "yaml", base: "application.yml", providers: []string{"google", "github", "gitlab"}, block: springYAML},
	{ext: "yaml", base: "manifest.yml", providers: []string{"slack"}, block: slackManifest},
	{ext: "yaml", providers: []string{"google"}, block: actionsYAML},
	{ext: "json", base: "appsettings.json", providers: []string{"microsoft"}, block: appSettings},
	{ext: "json", base: "manifest.json", providers: []string{"google"}, block: chromeManifest},
	{ext: "toml", base: "shopify.app.toml", providers: []string{"shopify"}, block: shopifyTOML},
	{ext: "env", base: ".env", block: dotEnv},
	{ext: "properties", base: "application.properties", providers: []string{"google", "github", "microsoft"}, block: springProperties},
	{ext: "tf", providers: []string{"google"}, block: gkeHCL},
	{ext: "xml", base: "web.config", providers: []string{"microsoft"}, block: webConfig, whole: true},
	{ext: "sh", providers: []string{"google"}, block: gcloudShell},
	{ext: "sh", providers: []string{"github", "slack", "discord"}, block: curlShell},
	{ext: "md", base: "README.md", block: readme},
	{ext: "html", providers: []string{"github", "google", "discord"}, block: signInHTML},
}

// oauthFile writes a file of ordinary code around one or two OAuth blocks.
func (g *gen) oauthFile(mistake bool) (dir, base string) {
	k := oauthKinds[g.r.IntN(len(oauthKinds))]
	p := g.provider()
	if len(k.providers) > 0 {
		p = providerNamed(g.pick(k.providers))
	}
	size := g.fileSize()
	l, ok := langFor(k.ext)
	if k.whole {
		k.block(g, p, mistake)
		return l.dir, k.base
	}
	if ok && l.header != nil {
		l.header(g)
	}
	blocks := 1 + g.r.IntN(2)
	for i := 0; i < blocks; i++ {
		// Ordinary code before each block: the OAuth part is a small share
		// of the file.
		for ok && g.b.Len() < size*(i+1)/(blocks+1) {
			l.block(g)
		}
		k.block(g, p, mistake && i == 0)
	}
	for ok && g.b.Len() < size {
		l.block(g)
	}
	if ok && l.footer != nil {
		l.footer(g)
	}
	dir = "app"
	if ok {
		dir = l.dir
	}
	base = k.base
	if base == "" {
		base = g.snake(1) + "_auth." + k.ext
	}
	return dir, base
}

// langFor returns the filler language of a format that has one; .env
// files have no filler (they are all settings).
func langFor(ext string) (lang, bool) {
	for _, l := range langs {
		if l.ext == ext {
			return l, true
		}
	}
	return lang{}, false
}

func goConfig(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`var %[1]sOAuth = &oauth2.Config{
	ClientID:     os.Getenv("%[2]s_CLIENT_ID"),
	ClientSecret: os.Getenv("%[2]s_CLIENT_SECRET"),
	RedirectURL:  "https://app.example.com/auth/%[3]s/callback",
	Scopes:       []string{%[4]s},
	Endpoint:     %[3]s.Endpoint,
}

`, g.noun(), p.env, p.name, quoted(s, `"`))
}

func goWithScopes(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 2, 4, mistake)
	g.printf(`// new%[1]sService returns a client with Application Default Credentials.
func new%[1]sService(ctx context.Context) (*drive.Service, error) {
	return drive.NewService(ctx, option.WithScopes(
		%[2]s,
	))
}

`, g.pascal(1), strings.Join(strings.Split(quoted(s, `"`), ", "), ",\n\t\t"))
}

func nextAuth(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	name := strings.ToUpper(p.name[:1]) + p.name[1:]
	g.printf(`export const %[1]sAuthOptions = {
  providers: [
    %[2]sProvider({
      clientId: process.env.%[3]s_CLIENT_ID,
      clientSecret: process.env.%[3]s_CLIENT_SECRET,
      authorization: { params: { scope: "%[4]s", prompt: "consent" } },
    }),
  ],
};

`, g.noun(), name, p.env, strings.Join(s, " "))
}

func msalJS(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`export const %[1]sRequest = {
  scopes: [%[2]s],
  prompt: "select_account",
};

`, g.noun(), quoted(s, `"`))
}

func passport(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf(`app.get("/auth/%[1]s", passport.authenticate("%[1]s", { scope: [%[2]s] }));
app.get("/auth/%[1]s/callback", passport.authenticate("%[1]s", { failureRedirect: "/login" }), (req, res) => res.redirect("/"));

`, p.name, quoted(s, "'"))
}

func pyGoogleFlow(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`SCOPES = [%[1]s]


def %[2]s_credentials():
    flow = InstalledAppFlow.from_client_secrets_file("credentials.json", scopes=SCOPES)
    return flow.run_local_server(port=0)


`, quoted(s, "'"), g.snake(1))
}

func pyScopeList(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`%[1]s_SCOPE = "%[2]s"


`, strings.ToUpper(p.name), joined(p, s))
}

func javaGoogle(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`
    private static final List<String> SCOPES = Arrays.asList(%[1]s);

    public GoogleAuthorizationCodeFlow %[2]sFlow(HttpTransport transport, JsonFactory json, GoogleClientSecrets secrets) {
        return new GoogleAuthorizationCodeFlow.Builder(transport, json, secrets, SCOPES)
            .setAccessType("offline")
            .build();
    }
`, quoted(s, `"`), g.noun())
}

func kotlinAppAuth(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`fun %[1]sRequest(config: AuthorizationServiceConfiguration, clientId: String, redirect: Uri) =
    AuthorizationRequest.Builder(config, clientId, ResponseTypeValues.CODE, redirect)
        .setScopes(%[2]s)
        .build()

`, g.noun(), quoted(s, `"`))
}

func csAspNet(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`    public static class %[1]sAuth
    {
        public static readonly string[] Scopes = new[] { %[2]s };
    }

`, g.pascal(1), quoted(s, `"`))
}

func rubyOmniAuth(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`  Rails.application.config.middleware.use OmniAuth::Builder do
    provider :%[1]s, ENV["%[2]s_CLIENT_ID"], ENV["%[2]s_CLIENT_SECRET"], scope: "%[3]s"
  end

`, p.name, p.env, strings.Join(s, ","))
}

func phpSocialite(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf(`    public function redirect%[1]s()
    {
        return Socialite::driver('%[2]s')->scopes([%[3]s])->redirect();
    }

`, g.pascal(1), p.name, quoted(s, "'"))
}

func rustOAuth2(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	var b strings.Builder
	for _, x := range s {
		fmt.Fprintf(&b, "\n        .add_scope(Scope::new(%q.to_string()))", x)
	}
	g.printf(`pub fn %[1]s_authorize_url(client: &BasicClient) -> (Url, CsrfToken) {
    client
        .authorize_url(CsrfToken::new_random)%[2]s
        .url()
}

`, g.noun(), b.String())
}

func swiftAuth(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`let %[1]sScopes: [String] = [%[2]s]

`, g.noun(), quoted(s, `"`))
}

func springYAML(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`---
spring:
  security:
    oauth2:
      client:
        registration:
          %[1]s:
            client-id: ${%[2]s_CLIENT_ID}
            client-secret: ${%[2]s_CLIENT_SECRET}
            scope: %[3]s
`, p.name, p.env, strings.Join(s, ","))
}

func slackManifest(g *gen, p provider, mistake bool) {
	bot := g.scopeList(p, 2, 5, mistake)
	g.printf(`---
display_information:
  name: %[1]s bot
features:
  bot_user:
    display_name: %[1]s
oauth_config:
  scopes:
    bot:
      - %[2]s
settings:
  socket_mode_enabled: true
`, g.noun(), strings.Join(bot, "\n      - "))
}

func actionsYAML(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 2, mistake)
	g.printf(`---
name: deploy-%[1]s
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: projects/123/locations/global/workloadIdentityPools/ci/providers/github
          token_format: access_token
          access_token_scopes: %[2]s
`, g.noun(), strings.Join(s, ","))
}

func appSettings(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`    {
      "AzureAd": {
        "Instance": "https://login.microsoftonline.com/",
        "TenantId": "common",
        "ClientId": "%[1]d-app"
      },
      "DownstreamApi": {
        "BaseUrl": "https://graph.microsoft.com/v1.0",
        "Scopes": [%[2]s]
      }
    },
`, g.between(1000, 9999), quoted(s, `"`))
}

func chromeManifest(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf(`    {
      "oauth2": {
        "client_id": "%[1]d.apps.googleusercontent.com",
        "scopes": [%[2]s]
      }
    },
`, g.between(1000, 9999), quoted(s, `"`))
}

func shopifyTOML(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf(`[access_scopes]
scopes = "%[1]s"

`, strings.Join(s, ","))
}

func dotEnv(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	for range g.between(5, 30) {
		g.printf("%s_%s=%s-%d\n", strings.ToUpper(g.noun()), strings.ToUpper(g.noun()), g.noun(), g.between(1, 999))
	}
	g.printf("%[1]s_CLIENT_ID=abc%[2]d\n%[1]s_SCOPES=\"%[3]s\"\n", p.env, g.between(100, 999), joined(p, s))
}

func springProperties(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf("spring.security.oauth2.client.registration.%[1]s.client-id=${%[2]s_CLIENT_ID}\nspring.security.oauth2.client.registration.%[1]s.scope=%[3]s\n\n", p.name, p.env, strings.Join(s, ","))
}

func gkeHCL(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf(`resource "google_container_node_pool" "%[1]s" {
  name    = "%[1]s-pool"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = [
      %[2]s,
    ]
  }
}

`, g.noun(), strings.Join(strings.Split(quoted(s, `"`), ", "), ",\n      "))
}

func webConfig(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 4, mistake)
	g.printf("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <appSettings>\n")
	for range g.between(5, 40) {
		g.printf("    <add key=\"%s:%s\" value=\"%s-%d\" />\n", g.pascal(1), g.pascal(1), g.noun(), g.between(1, 999))
	}
	g.printf("    <add key=\"ida:ClientId\" value=\"%d-app\" />\n    <add key=\"ida:Scopes\" value=\"%s\" />\n", g.between(1000, 9999), strings.Join(s, " "))
	g.printf("  </appSettings>\n  <system.web>\n    <compilation debug=\"false\" targetFramework=\"4.8\" />\n  </system.web>\n</configuration>\n")
}

func gcloudShell(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf("gcloud compute instances create %[1]s-vm \\\n  --zone=europe-west1-b \\\n  --scopes=%[2]s\n\n", g.noun(), strings.Join(s, ","))
}

func curlShell(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	host := map[string]string{
		"github":  "https://github.com/login/oauth/authorize",
		"slack":   "https://slack.com/oauth/v2/authorize",
		"discord": "https://discord.com/oauth2/authorize",
	}[p.name]
	g.printf("open \"%s?client_id=$CLIENT_ID&scope=%s&state=$(uuidgen)\"\n\n", host, encoded(p, s))
}

func readme(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	g.printf("## Sign-in setup\n\nCreate an OAuth app for %[1]s and request these scopes:\n\n```yaml\n%[1]s:\n  scopes:\n    - %[2]s\n```\n\n", p.name, strings.Join(s, "\n    - "))
}

func signInHTML(g *gen, p provider, mistake bool) {
	s := g.scopeList(p, 1, 3, mistake)
	host := map[string]string{
		"github":  "https://github.com/login/oauth/authorize",
		"google":  "https://accounts.google.com/o/oauth2/v2/auth",
		"discord": "https://discord.com/oauth2/authorize",
	}[p.name]
	g.printf("<a class=\"signin\" href=\"%s?client_id=abc&amp;response_type=code&amp;scope=%s\">Sign in with %s</a>\n", host, encoded(p, s), p.name)
}
