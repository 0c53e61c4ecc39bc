package extract

import (
	"slices"
	"testing"
)

func TestExtractPython(t *testing.T) {
	const E = EscapeBackslash
	scRun(t, extractPython, []scCase{
		{
			name: "google-auth-oauthlib quickstart",
			src: `from google_auth_oauthlib.flow import InstalledAppFlow
from google.oauth2.credentials import Credentials

# If modifying these scopes, delete the file token.json.
SCOPES = ["https://www.googleapis.com/auth/drive.metadata.readonly"]

def main():
    creds = None
    if os.path.exists("token.json"):
        creds = Credentials.from_authorized_user_file("token.json", SCOPES)
    flow = InstalledAppFlow.from_client_secrets_file(
        "credentials.json", scopes=SCOPES
    )
    creds = flow.run_local_server(port=0)
`,
			want: []scWant{
				{Text: "https://www.googleapis.com/auth/drive.metadata.readonly", Quote: `"`, Esc: E, Key: "SCOPES", List: 1},
				{Text: "token.json", Quote: `"`, Esc: E, Call: "exists", List: 2},
				{Text: "token.json", Quote: `"`, Esc: E, Call: "from_authorized_user_file", List: 3},
				{Text: "credentials.json", Quote: `"`, Esc: E, Call: "from_client_secrets_file", List: 4},
			},
		},
		{
			name: "python-social-auth settings",
			src: `SOCIAL_AUTH_GITHUB_KEY = os.environ.get('GITHUB_KEY')
SOCIAL_AUTH_GITHUB_SCOPE = ['user:email', 'read:org']
SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE = [
    'https://www.googleapis.com/auth/userinfo.email',
    'https://www.googleapis.com/auth/userinfo.profile',
]
SOCIAL_AUTH_GOOGLE_OAUTH2_AUTH_EXTRA_ARGUMENTS = {'access_type': 'offline'}
AUTHENTICATION_BACKENDS = (
    'social_core.backends.github.GithubOAuth2',
    'django.contrib.auth.backends.ModelBackend',
)
`,
			want: []scWant{
				{Text: "GITHUB_KEY", Quote: "'", Esc: E, Call: "get", List: 1},
				{Text: "user:email", Quote: "'", Esc: E, Key: "SOCIAL_AUTH_GITHUB_SCOPE", List: 2},
				{Text: "read:org", Quote: "'", Esc: E, Key: "SOCIAL_AUTH_GITHUB_SCOPE", List: 2},
				{Text: "https://www.googleapis.com/auth/userinfo.email", Quote: "'", Esc: E, Key: "SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE", List: 3},
				{Text: "https://www.googleapis.com/auth/userinfo.profile", Quote: "'", Esc: E, Key: "SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE", List: 3},
				{Text: "access_type", Quote: "'", Esc: E, Key: "SOCIAL_AUTH_GOOGLE_OAUTH2_AUTH_EXTRA_ARGUMENTS"},
				{Text: "offline", Quote: "'", Esc: E, Key: "access_type"},
				{Text: "social_core.backends.github.GithubOAuth2", Quote: "'", Esc: E, Key: "AUTHENTICATION_BACKENDS", List: 4},
				{Text: "django.contrib.auth.backends.ModelBackend", Quote: "'", Esc: E, Key: "AUTHENTICATION_BACKENDS", List: 4},
			},
		},
		{
			name: "django-allauth nested dicts",
			src: `SOCIALACCOUNT_PROVIDERS = {
    "google": {
        "SCOPE": ["profile", "email"],
        "AUTH_PARAMS": {"access_type": "online"},
    },
}
`,
			want: []scWant{
				{Text: "google", Quote: `"`, Esc: E, Key: "SOCIALACCOUNT_PROVIDERS"},
				{Text: "SCOPE", Quote: `"`, Esc: E, Key: "google"},
				{Text: "profile", Quote: `"`, Esc: E, Key: "SCOPE", List: 1},
				{Text: "email", Quote: `"`, Esc: E, Key: "SCOPE", List: 1},
				{Text: "AUTH_PARAMS", Quote: `"`, Esc: E, Key: "google"},
				{Text: "access_type", Quote: `"`, Esc: E, Key: "AUTH_PARAMS"},
				{Text: "online", Quote: `"`, Esc: E, Key: "access_type"},
			},
		},
		{
			name: "keyword arguments, defaults, annotations, subscripts",
			src: `creds = service_account.Credentials.from_service_account_file(
    "sa.json", scopes=["https://www.googleapis.com/auth/cloud-platform"])
@pytest.fixture(scope="module")
def client(scope: str = "openid email", *, prompt="consent"):
    pass
class Settings(BaseSettings):
    oauth_scope: str = "read write"
    self.scope: str = 'user'
config["scope"] = "repo"
if scope == "admin": pass
tags = {"a", "b"}
`,
			want: []scWant{
				{Text: "sa.json", Quote: `"`, Esc: E, Call: "from_service_account_file", List: 1},
				{Text: "https://www.googleapis.com/auth/cloud-platform", Quote: `"`, Esc: E, Key: "scopes", Call: "from_service_account_file", List: 2},
				{Text: "module", Quote: `"`, Esc: E, Key: "scope", Call: "fixture"},
				{Text: "openid email", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "consent", Quote: `"`, Esc: E, Key: "prompt"},
				{Text: "read write", Quote: `"`, Esc: E, Key: "oauth_scope"},
				{Text: "user", Quote: "'", Esc: E, Key: "scope"},
				{Text: "scope", Quote: `"`, Esc: E},
				{Text: "repo", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "admin", Quote: `"`, Esc: E},
				{Text: "a", Quote: `"`, Esc: E, Key: "tags", List: 3},
				{Text: "b", Quote: `"`, Esc: E, Key: "tags", List: 3},
			},
		},
		{
			name: "escapes and prefixes",
			src: `a = "x\ty\x41\u00e9\101\d"
b = r"\d+\""
c = B'\xff'
d = u'caf\N{LATIN SMALL LETTER E WITH ACUTE}'
e = "one\
two"
f = Rb"raw"
`,
			want: []scWant{
				{Text: `x\ty\x41\u00e9\101\d`, Val: "x\tyAéA\\d", Quote: `"`, Esc: E, Key: "a"},
				{Text: `\d+\"`, Quote: `r"`, Esc: EscapeNone, Key: "b"},
				{Text: `\xff`, Val: "\xff", Quote: "'", Esc: E, Key: "c"},
				{Text: "one\\\ntwo", Val: "onetwo", Quote: `"`, Esc: E, Key: "e"},
				{Text: "raw", Quote: `Rb"`, Esc: EscapeNone, Key: "f"},
			},
		},
		{
			name: "f-strings",
			src: `a = f"{user}:{scope!r:>{width}}"
b = f"plain"
c = rf"\d{{2}}"
d = f"{d["k"]} and {'x'}"
e = "openid " f"{extra}"
g = t"{x}"
h = F'''multi
{line}'''
i = "after"
`,
			want: []scWant{
				{Text: "plain", Quote: `"`, Esc: E, Key: "b"},
				{Text: "openid ", Quote: `"`, Esc: E, Key: "e", Partial: true},
				{Text: "after", Quote: `"`, Esc: E, Key: "i"},
			},
		},
		{
			name: "concatenation and formatting",
			src: `a = "openid " + extra
b = base + " email"
c = "scope=%s" % scope
d = "{} {}".format(x, y)
e = ("https://www.googleapis.com/auth/"
     "drive")
f = " ".join(["a", "b"])
`,
			want: []scWant{
				{Text: "openid ", Quote: `"`, Esc: E, Key: "a", Partial: true},
				{Text: " email", Quote: `"`, Esc: E, Key: "b", Partial: true},
				{Text: "scope=%s", Quote: `"`, Esc: E, Key: "c", Partial: true},
				{Text: "{} {}", Quote: `"`, Esc: E, Key: "d", Partial: true},
				{Text: "https://www.googleapis.com/auth/", Quote: `"`, Esc: E, Key: "e", Partial: true},
				{Text: "drive", Quote: `"`, Esc: E, Key: "e", Partial: true},
				{Text: " ", Quote: `"`, Esc: E, Key: "f"},
				{Text: "a", Quote: `"`, Esc: E, Call: "join", List: 1},
				{Text: "b", Quote: `"`, Esc: E, Call: "join", List: 1},
			},
		},
		{
			name: "triple quotes, comments, unterminated strings",
			src: `doc = """It's a "doc"
string"""
# it's "commented"
x = "unterminated
y = 'ok'
z = '''never closed
w = "lost"
`,
			want: []scWant{
				{Text: "It's a \"doc\"\nstring", Quote: `"""`, Esc: E, Key: "doc"},
				{Text: "ok", Quote: "'", Esc: E, Key: "y"},
			},
		},
		{
			name: "resynchronizing after a broken f-string field",
			src: `a = f"{x" + "lost on this line"
b = "next line"
c = (lambda s="d": s)
e = {'k': lambda v: 'w'}
`,
			want: []scWant{
				{Text: "next line", Quote: `"`, Esc: E, Key: "b"},
				{Text: "d", Quote: `"`, Esc: E, Key: "s", List: 0},
				{Text: "k", Quote: "'", Esc: E, Key: "e"},
				{Text: "w", Quote: "'", Esc: E},
			},
		},
		{
			name: "CRLF, NUL and invalid UTF-8",
			src:  "a = \"\"\"l1\r\nl2\"\"\"\r\nb = 'c\xff\x00d'\r\nc = \"e\"\r\n",
			want: []scWant{
				{Text: "l1\r\nl2", Val: "l1\nl2", Quote: `"""`, Esc: E, Key: "a"},
				{Text: "c\xff\x00d", Quote: "'", Esc: E, Key: "b"},
				{Text: "e", Quote: `"`, Esc: E, Key: "c"},
			},
		},
	})
}

func TestExtractPythonOffsets(t *testing.T) {
	src := []byte(`s = "a\tb\u00e9"`)
	lits := extractPython(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	l := lits[0]
	// a@5, \t@6, b@8, é (2 bytes)@9, end@15.
	want := []int{5, 6, 8, 9, 9, 15}
	if l.Value != "a\tbé" || !slices.Equal(l.Offsets, want) {
		t.Errorf("Value %q Offsets %v, want %v", l.Value, l.Offsets, want)
	}
	if got := l.SourceSpan(3, 5); got != (Span{9, 15}) {
		t.Errorf("SourceSpan of é = %v", got)
	}
}

func FuzzExtractPython(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), pyBenchSample) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractPython, data) })
}

const pyBenchSample = `import os
from google_auth_oauthlib.flow import InstalledAppFlow

SCOPES = [
    "https://www.googleapis.com/auth/drive.readonly",  # read files
    'https://www.googleapis.com/auth/userinfo.email',
]


class Config:
    """Settings for the app.

    It's read at start-up.
    """

    oauth_scope: str = "openid email profile"
    timeout = 30

    def flow(self, path="credentials.json"):
        name = f"{self.prefix}/{path}"
        return InstalledAppFlow.from_client_secrets_file(path, scopes=SCOPES, redirect_uri=r"http://localhost:8080/")


def main():
    data = {"scope": "read:user", 'count': 3, "items": [1, 2, 3]}
    print("token: %s" % os.environ.get("TOKEN", "none"), end="\n")
    return data
`

func BenchmarkExtractPython(b *testing.B) {
	scBench(b, extractPython, scBenchSource(pyBenchSample, 1<<20))
}
