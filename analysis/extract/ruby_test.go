package extract

import (
	"slices"
	"testing"
)

func TestExtractRuby(t *testing.T) {
	const E = EscapeBackslash
	scRun(t, extractRuby, []scCase{
		{
			name: "omniauth initializer",
			src: `Rails.application.config.middleware.use OmniAuth::Builder do
  provider :github, ENV['GITHUB_KEY'], ENV['GITHUB_SECRET'], scope: "user,repo"
  provider :google_oauth2, ENV["GOOGLE_CLIENT_ID"], ENV["GOOGLE_CLIENT_SECRET"], {
    scope: 'email, profile',
    prompt: "select_account"
  }
  provider :slack, "id", "secret", :scope => "chat:write", "user_scope" => "users:read"
end
`,
			want: []scWant{
				{Text: "GITHUB_KEY", Quote: "'", Esc: E},
				{Text: "GITHUB_SECRET", Quote: "'", Esc: E},
				{Text: "user,repo", Quote: `"`, Esc: E, Key: "scope", Call: "provider"},
				{Text: "GOOGLE_CLIENT_ID", Quote: `"`, Esc: E},
				{Text: "GOOGLE_CLIENT_SECRET", Quote: `"`, Esc: E},
				{Text: "email, profile", Quote: "'", Esc: E, Key: "scope", Call: "provider"},
				{Text: "select_account", Quote: `"`, Esc: E, Key: "prompt", Call: "provider"},
				{Text: "id", Quote: `"`, Esc: E, Call: "provider", List: 1},
				{Text: "secret", Quote: `"`, Esc: E, Call: "provider", List: 1},
				{Text: "chat:write", Quote: `"`, Esc: E, Key: "scope", Call: "provider"},
				{Text: "user_scope", Quote: `"`, Esc: E, Call: "provider"},
				{Text: "users:read", Quote: `"`, Esc: E, Key: "user_scope", Call: "provider"},
			},
		},
		{
			name: "devise",
			src: `Devise.setup do |config|
  config.omniauth :github, 'id', 'secret', scope: 'user:email,read:org'
  config.omniauth :google_oauth2, ENV.fetch("GOOGLE_ID"), ENV.fetch("GOOGLE_SECRET"),
                  scope: "userinfo.email", access_type: "offline"
end
`,
			want: []scWant{
				{Text: "id", Quote: "'", Esc: E, Call: "omniauth", List: 1},
				{Text: "secret", Quote: "'", Esc: E, Call: "omniauth", List: 1},
				{Text: "user:email,read:org", Quote: "'", Esc: E, Key: "scope", Call: "omniauth"},
				{Text: "GOOGLE_ID", Quote: `"`, Esc: E, Call: "fetch", List: 2},
				{Text: "GOOGLE_SECRET", Quote: `"`, Esc: E, Call: "fetch", List: 3},
				{Text: "userinfo.email", Quote: `"`, Esc: E, Key: "scope", Call: "omniauth"},
				{Text: "offline", Quote: `"`, Esc: E, Key: "access_type", Call: "omniauth"},
			},
		},
		{
			name: "word arrays, assignments, hashes",
			src: `SCOPES = %w[read_products write_orders]
DEFAULT = %i(openid email)
@scope ||= "openid"
config.scope = 'user'
options[:scope] = "repo"
ENV["SCOPES"] = "a b"
h = { "scope": "x", scopes: ["y", "z"] }
q = %q(it's) + %Q[two]
`,
			want: []scWant{
				{Text: "read_products", Key: "SCOPES", List: 1},
				{Text: "write_orders", Key: "SCOPES", List: 1},
				{Text: "openid", Key: "DEFAULT", List: 2},
				{Text: "email", Key: "DEFAULT", List: 2},
				{Text: "openid", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "user", Quote: "'", Esc: E, Key: "scope"},
				{Text: "repo", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "SCOPES", Quote: `"`, Esc: E},
				{Text: "a b", Quote: `"`, Esc: E, Key: "SCOPES"},
				{Text: "x", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "y", Quote: `"`, Esc: E, Key: "scopes", List: 3},
				{Text: "z", Quote: `"`, Esc: E, Key: "scopes", List: 3},
				{Text: "it's", Quote: "%q(", Key: "q", Partial: true},
				{Text: "two", Quote: "%Q[", Key: "q", Partial: true},
			},
		},
		{
			name: "interpolation, heredocs, comments, regexps",
			src: `a = "scope=#{scope}&x=#{"inner"}"
b = <<~SQL
  SELECT 'not a literal'
  WHERE x = "y"
SQL
c = 'after heredoc' # it's a "comment"
=begin
"inside =begin"
=end
d = foo /it's"/ ? "yes" : 'no'
e = ?" + "after char"
f = $" + "after global"
g = "a" "b"
`,
			want: []scWant{
				{Text: "after heredoc", Quote: "'", Esc: E, Key: "c"},
				{Text: "yes", Quote: `"`, Esc: E, Key: "", Call: "foo", List: 1},
				{Text: "no", Quote: "'", Esc: E, Key: "", Call: "foo", List: 1},
				{Text: "after char", Quote: `"`, Esc: E, Key: "e", Partial: true},
				{Text: "after global", Quote: `"`, Esc: E, Key: "f", Partial: true},
				{Text: "a", Quote: `"`, Esc: E, Key: "g", Partial: true},
				{Text: "b", Quote: `"`, Esc: E, Key: "g", Partial: true},
			},
		},
		{
			name: "two heredocs on one line",
			src: `call(<<~ONE.strip, <<-'TWO', "arg")
  it's one
ONE
  "two"
  TWO
after = 'yes'
`,
			want: []scWant{
				{Text: "arg", Quote: `"`, Esc: E, Call: "call", List: 1},
				{Text: "yes", Quote: "'", Esc: E, Key: "after"},
			},
		},
		{
			name: "escapes",
			src: `a = "x\ty\u00e9\u{41 42}\s\""
b = 'it\'s \n'
c = "\C-x"
`,
			want: []scWant{
				{Text: `x\ty\u00e9\u{41 42}\s\"`, Val: "x\tyéAB \"", Quote: `"`, Esc: E, Key: "a"},
				{Text: `it\'s \n`, Val: `it's \n`, Quote: "'", Esc: E, Key: "b"},
			},
		},
		{
			name: "method definitions and calls",
			src: `def authorize(scope = "openid", user_scope: "identify")
  redirect_to oauth_url(scope: scope, state: "s"), allow_other_host: true
end
validates :scope, inclusion: { in: %w[read write] }, if: -> { strict? }
`,
			want: []scWant{
				{Text: "openid", Quote: `"`, Esc: E, Key: "scope"},
				{Text: "identify", Quote: `"`, Esc: E, Key: "user_scope"},
				{Text: "s", Quote: `"`, Esc: E, Key: "state", Call: "oauth_url"},
				{Text: "read", Key: "in", Call: "validates", List: 1},
				{Text: "write", Key: "in", Call: "validates", List: 1},
			},
		},
		{
			name: "unterminated string, __END__, CRLF, invalid UTF-8",
			src:  "a = 'x\xff\x00'\r\nb = \"ok\"\r\n__END__\r\nc = \"data\"\n",
			want: []scWant{
				{Text: "x\xff\x00", Quote: "'", Esc: E, Key: "a"},
				{Text: "ok", Quote: `"`, Esc: E, Key: "b"},
			},
		},
		{
			name: "unterminated",
			src:  "a = \"one\nb = 'two'\n",
			want: nil,
		},
	})
}

func TestExtractRubyOffsets(t *testing.T) {
	src := []byte(`x = "a\u{e9}b"`)
	lits := extractRuby(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	want := []int{5, 6, 6, 12, 13}
	if l := lits[0]; l.Value != "aéb" || !slices.Equal(l.Offsets, want) {
		t.Errorf("Value %q Offsets %v, want %v", l.Value, l.Offsets, want)
	}
}

func FuzzExtractRuby(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), rbBenchSample, "%w[a b", "x = <<~A, <<~B\n1\nA\n2\nB\ny='z'", "=begin\n") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractRuby, data) })
}

const rbBenchSample = `# frozen_string_literal: true

Rails.application.config.middleware.use OmniAuth::Builder do
  provider :github, ENV["GITHUB_KEY"], ENV["GITHUB_SECRET"], scope: "user:email,read:org"
  provider :google_oauth2, ENV.fetch("GOOGLE_ID"), ENV.fetch("GOOGLE_SECRET"), {
    scope: "email, profile",
    prompt: "select_account",
  }
end

class SessionsController < ApplicationController
  SCOPES = %w[read_products write_orders].freeze

  def create
    user = User.find_or_create_by(uid: auth_hash["uid"]) do |u|
      u.name = auth_hash.dig("info", "name")
    end
    redirect_to root_path, notice: "Signed in as #{user.name}" if user.persisted?
  end
end
`

func BenchmarkExtractRuby(b *testing.B) {
	scBench(b, extractRuby, scBenchSource(rbBenchSample, 1<<20))
}
