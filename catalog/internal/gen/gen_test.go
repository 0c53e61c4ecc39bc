package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestNormalizeHost(t *testing.T) {
	tests := map[string]string{
		"github.com":                                            "github.com",
		"GitHub.com":                                            "github.com",
		"<ghes-host> (GitHub Enterprise Server)":                "",
		"<shop>.myshopify.com":                                  "*.myshopify.com",
		"<workspace>.slack.com":                                 "*.slack.com",
		"<tenant>.<region>.auth0.com (us, eu, au, jp)":          "*.auth0.com",
		"<prefix>.auth.<region>.amazoncognito.com":              "*.amazoncognito.com",
		"<mydomain>.my.salesforce.com":                          "*.my.salesforce.com",
		"<custom-domain>":                                       "",
		"www.box.com (legacy /api/oauth2/authorize)":            "www.box.com",
		"admin.shopify.com (new admin URLs: /store/<shop>/...)": "admin.shopify.com",
		"https://api.x.com/2/oauth2/token":                      "api.x.com",
		"<tld>":                                                 "",
	}
	for in, want := range tests {
		if got := normalizeHost(in); got != want {
			t.Errorf("normalizeHost(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitPath(t *testing.T) {
	tests := []struct{ in, host, path string }{
		{"/login/oauth/authorize", "", "/login/oauth/authorize"},
		{"/login/device/code (device flow)", "", "/login/device/code"},
		{"api.dropboxapi.com/oauth2/token (token)", "api.dropboxapi.com", "/oauth2/token"},
		{"https://api.x.com/2/oauth2/token (token; also api.twitter.com)", "api.x.com", "/2/oauth2/token"},
		{"/realms/<realm>/protocol/openid-connect/auth", "", "/realms/*/protocol/openid-connect/auth"},
		{"OIDC discovery: /oauth/.well-known/openid-configuration", "", "/oauth/.well-known/openid-configuration"},
		{"<authorization_endpoint>", "", ""},
		{"graph.facebook.com/v<version>/oauth/access_token (token)", "graph.facebook.com", "/v*/oauth/access_token"},
	}
	for _, tt := range tests {
		h, p := splitPath(tt.in)
		if h != tt.host || p != tt.path {
			t.Errorf("splitPath(%q) = %q, %q; want %q, %q", tt.in, h, p, tt.host, tt.path)
		}
	}
}

func TestCleanSignals(t *testing.T) {
	in := []string{
		"golang.org/x/oauth2/github",
		"endpoints.GitHub (golang.org/x/oauth2/endpoints)",
		"passport-github2",
		"GITHUB_CLIENT_ID",
		"next-auth/providers/github",
		"token prefixes ghp_ gho_",
		"manifest.json / manifest.yml oauth_config.scopes",
		"SCOPES",
		"aws-amplify / @aws-amplify/auth",
		"KC_*",
		"gh auth login -s",
		"STRIPE_CLIENT_ID (ca_...)",
		"GITHUB_CLIENT_ID",
	}
	want := []string{
		"golang.org/x/oauth2/github", "endpoints.GitHub", "passport-github2", "GITHUB_CLIENT_ID",
		"next-auth/providers/github", "aws-amplify", "@aws-amplify/auth", "STRIPE_CLIENT_ID",
	}
	if got := cleanSignals(in); !reflect.DeepEqual(got, want) {
		t.Errorf("cleanSignals = %q\nwant %q", got, want)
	}
}

func TestCollapsePaths(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"a/b.json"}, "a/b.json"},
		{[]string{"a/b.json", "a/b.json"}, "a/b.json"},
		{[]string{"discovery/x/a.json", "discovery/x/b.json"}, "discovery/x/*.json"},
		{[]string{"d/x/a.json", "d/y/b.json"}, "d/**/*.json"},
		{[]string{"a.json", "b.md"}, "**/*"},
	}
	for _, tt := range tests {
		if got := collapsePaths(tt.in); got != tt.want {
			t.Errorf("collapsePaths(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitWordsAndPlural(t *testing.T) {
	if got := splitWords("okta.myAccount.email.manage"); !reflect.DeepEqual(got, []string{"okta", "my", "account", "email", "manage"}) {
		t.Errorf("splitWords = %q", got)
	}
	if got := splitWords("APIConnectors.ReadWrite"); !reflect.DeepEqual(got, []string{"api", "connectors", "read", "write"}) {
		t.Errorf("splitWords = %q", got)
	}
	if got := splitWords("SharePointTenantSettings"); !reflect.DeepEqual(got, []string{"sharepoint", "tenant", "settings"}) {
		t.Errorf("splitWords = %q", got)
	}
	for in, want := range map[string]string{"group": "groups", "policy": "policies", "key": "keys", "mail": "mail",
		"files": "files", "search": "searches", "box": "box"} {
		if got := plural([]string{in})[0]; got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDescribe checks the describer on names of every family, the examples
// of the task among them.
func TestDescribe(t *testing.T) {
	types := []string{"delegated_work", "application"}
	tests := []struct {
		provider string
		scope    srcScope
		want     string
	}{
		{"microsoft", srcScope{Name: "Mail.Read", Types: types}, "Read the signed-in user's mail"},
		{"microsoft", srcScope{Name: "Mail.ReadWrite.All", Types: types}, "Read and write mail in all mailboxes"},
		{"microsoft", srcScope{Name: "User.Read", Types: types}, "Read the signed-in user's profile"},
		{"microsoft", srcScope{Name: "Group.Read.All", Types: types}, "Read all groups"},
		{"microsoft", srcScope{Name: "Application.ReadWrite.OwnedBy", Types: []string{"application"}}, "Read and write applications this app owns"},
		{"microsoft", srcScope{Name: "Calendars.Read.Shared", Types: types}, "Read the signed-in user's calendars and shared ones"},
		{"microsoft", srcScope{Name: "Policy.Read.ConditionalAccess", Types: types}, "Read conditional access policies"},
		{"microsoft", srcScope{Name: "Directory.AccessAsUser.All", Types: types}, "Access the directory as the signed-in user"},
		{"microsoft", srcScope{Name: "TeamsTab.ReadWriteSelfForChat", Types: types}, "Read and write this app's Teams tabs in chats"},
		{"microsoft", srcScope{Name: "https://vault.azure.net/.default"}, "Every permission configured for the app on Azure Key Vault"},
		{"microsoft", srcScope{Name: "vso.build_execute"}, "Read and run build in Azure DevOps"},
		{"microsoft", srcScope{Name: "_0.AA", Hidden: ptr(true)}, ""},
		{"google", srcScope{Name: googlePrefix + "drive.readonly"}, "Read-only access to Google Drive"},
		{"google", srcScope{Name: googlePrefix + "calendar.events.readonly"}, "Read-only access to events in Google Calendar"},
		{"google", srcScope{Name: googlePrefix + "bigquery"}, "Full access to BigQuery"},
		{"google", srcScope{Name: googlePrefix + "youtube.upload"}, "Upload to YouTube"},
		{"google", srcScope{Name: googlePrefix + "photoslibrary.edit.appcreateddata"}, "Edit app-created data in Google Photos Library"},
		{"google", srcScope{Name: "http://www.blogger.com/feeds/"}, ""},
		{"google", srcScope{Name: googlePrefix + "container.read-only"}, "Read-only access to Google Kubernetes Engine"},
		{"google", srcScope{Name: googlePrefix + "agentregistry.read-write"}, "Read and write access to Agent Registry"},
		{"google", srcScope{Name: googlePrefix + "apihub.readwrite"}, "Read and write access to API hub"},
		{"google", srcScope{Name: googlePrefix + "apikeys"}, "Full access to API keys"},
		{"google", srcScope{Name: googlePrefix + "googlehealth.mindfulness.writeonly"}, "Write-only access to the user's mindfulness data in Google Health"},
		{"google", srcScope{Name: googlePrefix + "chat.app.all.users.readstate.readonly"}, "Read-only access to all users' read state in Google Chat (as the Chat app)"},
		{"google", srcScope{Name: googlePrefix + "chat.spaces.pins"}, "Manage space pins in Google Chat"},
		{"google", srcScope{Name: googlePrefix + "chrome.management.securityinsights"}, "Manage security insights in Chrome management"},
		{"google", srcScope{Name: googlePrefix + "dataportability.pixel.device_data"}, "Export a copy of the user's Pixel device data"},
		{"google", srcScope{Name: googlePrefix + "webcontentpublisher.publications.manage.system"}, "Manage publications in Web Content Publisher (system access)"},
		{"google", srcScope{Name: googlePrefix + "postmaster.user"}, "Manage users in Postmaster Tools"},
		{"google", srcScope{Name: googlePrefix + "tagmanager.manage.accounts"}, "Manage accounts in Tag Manager"},
		{"google", srcScope{Name: googlePrefix + "calendar.app.created"}, "Manage app created in Google Calendar"},
		{"github", srcScope{Name: "admin:public_key"}, "Fully manage public key"},
		{"github", srcScope{Name: "write:packages"}, "Write packages"},
		{"slack", srcScope{Name: "channels:history"}, "Read history of channels"},
		{"slack", srcScope{Name: "admin.apps:read"}, "Read apps (admin)"},
		{"shopify", srcScope{Name: "write_products"}, "Write products"},
		{"shopify", srcScope{Name: "unauthenticated_read_checkouts"}, "Read checkouts (Storefront API)"},
		{"x", srcScope{Name: "list.read"}, "Read lists"},
		{"spotify", srcScope{Name: "playlist-read-private"}, "Read private playlists"},
		{"spotify", srcScope{Name: "user-read-playback-state"}, "Read the user's playback state"},
		{"twitch", srcScope{Name: "moderator:manage:banned_users"}, "Manage banned users (as moderator)"},
		{"okta", srcScope{Name: "okta.users.read"}, "Read users"},
		{"atlassian", srcScope{Name: "read:issue:jira"}, "Read Jira issue"},
		{"hubspot", srcScope{Name: "crm.objects.contacts.read"}, "Read CRM contacts"},
		{"hubspot", srcScope{Name: "crm.schemas.deals.write"}, "Write CRM deals schemas"},
		{"linkedin", srcScope{Name: "r_ads_reporting"}, "Read ads reporting"},
		{"facebook", srcScope{Name: "user_birthday"}, "Read the user's birthday"},
		{"facebook", srcScope{Name: "pages_manage_posts"}, "Manage posts of pages"},
		{"zoom", srcScope{Name: "meeting:read:admin"}, "Read meetings (admin)"},
		{"dropbox", srcScope{Name: "files.content.write"}, "Write files content"},
		{"fitbit", srcScope{Name: "heartrate"}, "Access the user's heartrate data"},
		{"oidc", srcScope{Name: "offline_access"}, "Get a refresh token for offline access"},
	}
	for _, tt := range tests {
		got, ok := describe(tt.provider, &tt.scope)
		if tt.want == "" {
			if ok && got != "" {
				t.Errorf("describe(%s, %q) = %q, want the fallback", tt.provider, tt.scope.Name, got)
			}
			continue
		}
		if got != tt.want || !ok {
			t.Errorf("describe(%s, %q) = %q, %v; want %q", tt.provider, tt.scope.Name, got, ok, tt.want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

// TestRunOnSources generates the catalog from a small source folder and
// checks the normalized output.
func TestRunOnSources(t *testing.T) {
	src, out := t.TempDir(), t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("github.json", `{"provider":"github","delimiter":"space",
		"authorize_hosts":["github.com","<ghes-host> (GHES)"],
		"authorize_paths":["/login/oauth/authorize"],
		"code_signals":["passport-github2","SCOPES"],
		"prefixes":[],"case_sensitive":true,
		"source":[{"repo":"github/docs","path":"a.md","commit":"abc"},{"url":"https://example.org/x"}],
		"scopes":[
		  {"name":"repo","deprecated":false,"replaced_by":null,"implies":["public_repo"],"doc_url":null},
		  {"name":"public_repo","deprecated":false,"replaced_by":null,"implies":[],"doc_url":"https://example.org/d"},
		  {"name":"old","deprecated":true,"replaced_by":["repo"],"implies":[],"doc_url":null,"note":"our note"}]}`)
	write("README.md", "not a source")
	stale := filepath.Join(out, "gone.json")
	if err := os.WriteFile(stale, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(src, out, nil, io.Discard); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale provider file not removed")
	}
	b, err := os.ReadFile(filepath.Join(out, "github.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p outProvider
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p.Title != "GitHub" || !p.AcceptsComma || !reflect.DeepEqual(p.AuthorizeHosts, []string{"github.com"}) ||
		!reflect.DeepEqual(p.Signals, []string{"passport-github2"}) || len(p.Provenance) != 2 {
		t.Errorf("provider = %+v", p)
	}
	if len(p.Scopes) != 3 || !p.Scopes[0].Broad || p.Scopes[0].Popularity == 0 || p.Scopes[2].Note != "our note" ||
		!p.Scopes[2].Deprecated || p.Scopes[2].Description == "" {
		t.Errorf("scopes = %+v %+v %+v", *p.Scopes[0], *p.Scopes[1], *p.Scopes[2])
	}
	if strings.Contains(string(b), "\\u003c") || strings.Contains(string(b), `"provider":"github","name"`) {
		t.Error("output is HTML-escaped or repeats the provider per scope")
	}

	// A dangling reference is an error, not a silently broken catalog.
	write("github.json", `{"provider":"github","delimiter":"space","authorize_hosts":["github.com"],
		"scopes":[{"name":"repo","deprecated":true,"replaced_by":["nope"],"implies":[],"doc_url":null}]}`)
	if err := run(src, t.TempDir(), nil, io.Discard); err == nil || !strings.Contains(err.Error(), `unknown scope "nope"`) {
		t.Errorf("run with a dangling replacement: %v", err)
	}
	write("github.json", `{"provider":"github","delimiter":"semicolon","authorize_hosts":[],"scopes":[]}`)
	if err := run(src, t.TempDir(), nil, io.Discard); err == nil {
		t.Error("run accepted an unknown delimiter")
	}
}

// TestRealSources generates the catalog from the real sources, when they
// are beside the repository, merged with the repo's supplement (which must
// not restate any of their scopes), and checks that every description
// override names a scope that exists.
func TestRealSources(t *testing.T) {
	const dir = "../../../../shared/catalog-sources"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("catalog sources not found:", err)
	}
	srcs, err := readSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := mergeSupplements(srcs, embeddedSupplements(t)); err != nil {
		t.Fatal(err)
	}
	var ps []*outProvider
	for _, s := range srcs {
		p, err := build(s)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	if err := validate(ps); err != nil {
		t.Fatal(err)
	}
	if u := unusedOverrides(ps); len(u) > 0 {
		t.Errorf("overrides for unknown scopes: %q", u)
	}
}
