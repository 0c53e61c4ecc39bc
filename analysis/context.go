package analysis

import (
	"bytes"
	"strings"

	"github.com/scopels/scopels/analysis/extract"
)

// appendNormName appends s lower-cased, with only its letters and digits,
// to b: "OAuth_Scopes" and "oauthScopes" both give "oauthscopes".
func appendNormName(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return b
}

// nonOAuthScopeNames are names that contain "scope" but never hold OAuth
// scopes.
var nonOAuthScopeNames = map[string]bool{
	"scoped": true, "scopename": true, "scopeid": true, "scopetype": true, "varscope": true,
	"lexicalscope": true, "cssscope": true, "scopeselector": true, "credentialscope": true,
	"scopekey": true, "scopelevel": true, "scopemode": true, "testscope": true, "dependencyscope": true,
	"scopeguard": true, "scopeprovider": true, "scopefactory": true, "scopedslots": true,
	"scopedescription": true, "scopedescriptions": true,
}

// isScopeName reports whether a key, variable, parameter or call name says
// that its value holds OAuth scopes: it ends in "scope" or "scopes" (or is a
// setter/adder/with-er of them, or a list/string of them).
func isScopeName(name string) bool {
	if name == "" {
		return false
	}
	if !hasScopeWord(name) {
		return scopeCallNames[name]
	}
	var buf [64]byte // most names fit: no allocation
	n := appendNormName(buf[:0], name)
	if len(n) == 0 || nonOAuthScopeNames[string(n)] {
		return false
	}
	// Drop one collection word, then the name must end in scope(s).
	for _, suf := range [...]string{"list", "string", "str", "set", "array", "param", "params", "value", "values", "csv"} {
		if m, ok := bytes.CutSuffix(n, []byte(suf)); ok && (bytes.HasSuffix(m, []byte("scope")) || bytes.HasSuffix(m, []byte("scopes"))) {
			return true
		}
	}
	return bytes.HasSuffix(n, []byte("scope")) || bytes.HasSuffix(n, []byte("scopes"))
}

// scopeConstant reports whether lit is the value of a constant or
// variable that names one scope: const scopeEmail = "user:email". The
// value must be a single token; a constant defines a name for a scope and
// requests nothing (see ScopeSet.Declaration).
func scopeConstant(lit *extract.Literal) bool {
	return constantValue(lit) && lit.Value != "" && isScopeConstName(lit.Key)
}

// constantValue reports whether lit is the whole value of a name (no map
// path, no list) and holds one token: what a constant for one scope holds.
func constantValue(lit *extract.Literal) bool {
	return lit.Path == nil && lit.List == 0 && !strings.ContainsAny(lit.Value, " ,+\t\n")
}

// namedConstant reports whether lit is the whole value of a constant
// written in capitals (AUTH_DRIVE = "https://www.googleapis.com/auth/drive",
// a generated client's table of its API's scopes): found by its shape, it
// defines a name for one scope and requests nothing.
func namedConstant(lit *extract.Literal) bool {
	if !constantValue(lit) || lit.Partial || lit.Key == "" {
		return false
	}
	letters := false
	for i := 0; i < len(lit.Key); i++ {
		switch c := lit.Key[i]; {
		case 'A' <= c && c <= 'Z':
			letters = true
		case c == '_' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return letters
}

// isScopeConstName reports whether a variable or constant name reads as
// the name of one scope: "scope" or "scopes" and then another word, as
// in scopeEmail, ScopeReadUser, SCOPE_EMAIL or scope_repo. Names of other
// things a scope has (scopeName, scopeType, ScopeID) are not.
func isScopeConstName(name string) bool {
	var rest string
	for _, pre := range [...]string{"scopes", "Scopes", "SCOPES", "scope", "Scope", "SCOPE"} {
		if r, ok := strings.CutPrefix(name, pre); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return false
	}
	rest = strings.TrimPrefix(rest, "_")
	if rest == "" || !('A' <= rest[0] && rest[0] <= 'Z' || name[len(name)-len(rest)-1] == '_' && 'a' <= rest[0] && rest[0] <= 'z') {
		return false // scoped, scopeless: one word
	}
	var buf [64]byte
	return !nonOAuthScopeNames[string(appendNormName(buf[:0], name))] && !scopeAttributeWords[strings.ToLower(rest)]
}

// scopeAttributeWords are the words after "scope" in names of a scope's
// attributes or of scope machinery, not of one scope.
var scopeAttributeWords = map[string]bool{
	"name": true, "names": true, "id": true, "ids": true, "type": true, "types": true, "key": true,
	"level": true, "mode": true, "kind": true, "index": true, "count": true, "depth": true,
	"stack": true, "chain": true, "parent": true, "manager": true, "node": true, "info": true,
	"start": true, "end": true, "object": true, "vars": true, "var": true, "map": true,
	"guard": true, "provider": true, "factory": true, "selector": true, "description": true,
	"descriptions": true, "label": true, "labels": true, "prefix": true, "separator": true,
	"delimiter": true, "sep": true, "version": true, "path": true, "ref": true, "tree": true,
	"table": true, "entry": true, "context": true, "ctx": true, "filter": true, "hint": true,
	"hints": true, "error": true, "err": true, "size": true, "len": true, "length": true,
	"field": true, "fields": true, "value": true, "values": true, "str": true, "string": true,
}

// hasScopeWord reports whether s contains "scope" in any case, without
// allocating.
func hasScopeWord(s string) bool {
	for i := 0; i+5 <= len(s); i++ {
		if (s[i]|0x20) == 's' && (s[i+1]|0x20) == 'c' && (s[i+2]|0x20) == 'o' && (s[i+3]|0x20) == 'p' && (s[i+4]|0x20) == 'e' {
			return true
		}
	}
	return false
}

// scopeCallNames are functions and settings whose arguments are scopes
// although their names do not say so, as they are spelled.
var scopeCallNames = map[string]bool{
	// golang.org/x/oauth2/google
	"ConfigFromJSON": true, "JWTConfigFromJSON": true, "DefaultClient": true, "DefaultTokenSource": true,
	"FindDefaultCredentials": true, "CredentialsFromJSON": true, "CredentialsFromJSONWithParams": true,
	"ComputeTokenSource": true,
	// Java and .NET Google and Microsoft libraries
	"createScoped": true, "EnableTokenAcquisitionToCallDownstreamApi": true, "protectedResourceMap": true,
}

// positionalScopeCalls are functions whose positional arguments are scopes
// but whose keyword arguments are not (tenant_id=, redirect_uri=, ...):
// Azure Identity's get_token/getToken and MSAL for Python's token calls.
var positionalScopeCalls = map[string]bool{
	"get_token": true, "getToken": true, "get_token_info": true,
	"acquire_token_silent": true, "acquire_token_interactive": true, "acquire_token_by_authorization_code": true,
	"initiate_device_flow": true, "initiate_auth_code_flow": true, "get_authorization_request_url": true,
}

// nonOAuthPaths are structured-file key paths in which a "scope" key is not
// OAuth: Maven and Ivy dependencies, Kubernetes CRDs, npm package scopes,
// Terraform role assignments, CSS and DI configuration.
func nonOAuthPath(path []string) bool {
	for _, p := range path {
		switch strings.ToLower(p) {
		case "dependency", "dependencies", "dependencymanagement", "plugin", "plugins",
			"devdependencies", "peerdependencies", "names", "versions", "conversion",
			"rolebinding", "roleassignment", "role_assignment", "fixtures":
			return true
		}
	}
	return false
}

// nonOAuthCalls are calls whose "scope" arguments are not OAuth: DI and
// test-framework annotations, CSS helpers, logging and tracing scopes.
var nonOAuthCalls = map[string]bool{
	"fixture": true, "scope_fixture": true, "Scoped": true, "AddScoped": true,
	"BeginScope": true, "beginScope": true, "startActiveSpan": true, "withScope": true,
	"configureScope": true, "runWithScope": true, "createScope": true, "newScope": true, "NewScope": true,
	"pushScope": true, "popScope": true, "enterScope": true, "exitScope": true, "getScope": true,
	"scopedSlot": true, "Variable": true, "variable_scope": true, "name_scope": true,
}

// nonOAuthValues are values a "scope" context holds in non-OAuth code.
var nonOAuthValues = map[string]bool{
	"namespaced": true, "cluster": true, "prototype": true, "singleton": true, "request": true,
	"session": true, "application": true, "test": true, "compile": true, "provided": true,
	"runtime": true, "system": true, "import": true, "module": true, "function": true, "class": true,
	"package": true, "global": true, "local": true, "thread": true, "websocket": true, "transient": true,
	"scoped": true, "subtree": true, "base": true, "onelevel": true, "one": true, "sub": true,
	"children": true, "instance": true, "project": true, "organization": true, "folder": true,
	"tenant": true, "resource": true, "public": true, "private": true, "protected": true, "internal": true,
	"all": true, "none": true, "true": true, "false": true, "null": true, "nil": true, "default": true,
	"machine": true, "user": true, "process": true, "shared": true, "workspace": true, "file": true,
}

// scopeContext returns the name that makes lit a scope context ("" when it
// is not one) and whether that context belongs to non-OAuth code.
func scopeContext(lit *extract.Literal) (name string, nonOAuth bool) {
	if lit.URL {
		return lit.Key, false
	}
	if nonOAuthCalls[lit.Call] {
		return "", true
	}
	if lit.Path != nil && nonOAuthPath(lit.Path) {
		return "", true
	}
	switch {
	case lit.List != 0 && containsFold(lit.Path, "security") && len(lit.Path) >= 2:
		// An OpenAPI security requirement: {scheme: [scopes...]}.
		name = lit.Path[len(lit.Path)-1]
	case isScopeName(lit.Key):
		name = lit.Key
	case scopeConstant(lit):
		name = lit.Key
	case lit.Key == "" && positionalScopeCalls[lit.Call]:
		name = lit.Call
	case isScopeName(lit.Call):
		name = lit.Call
	case lit.List != 0 && len(lit.Path) >= 2 && isScopeName(lit.Path[len(lit.Path)-2]) && !schemaKeyword[strings.ToLower(lit.Path[len(lit.Path)-1])]:
		// oauth_config.scopes.bot: [...] (Slack manifest), scopes.user;
		// not the values of an OpenAPI scopes map, which are descriptions.
		name = lit.Path[len(lit.Path)-2]
	}
	return name, false
}

// isDeclaration reports whether lit lists scopes that an API description
// declares rather than scopes a client requests: the scopes map of an
// OpenAPI security scheme (components.securitySchemes.NAME.flows.FLOW.scopes,
// Swagger 2's securityDefinitions.NAME.scopes), or the scopes that
// authorize one method of a discovery document
// (resources.*.methods.*.scopes, any one of which is enough).
func isDeclaration(lit *extract.Literal) bool {
	n := len(lit.Path)
	if n < 3 || !strings.EqualFold(lit.Path[n-1], "scopes") {
		return false
	}
	if strings.EqualFold(lit.Path[n-3], "flows") || strings.EqualFold(lit.Path[n-3], "securityDefinitions") {
		return true
	}
	for _, k := range lit.Path[:n-1] {
		if k == "methods" {
			return true
		}
	}
	return false
}

// isStrict reports whether the literal's context is declared strict.
func isStrict(lit *extract.Literal, strict func(string) bool) bool {
	if strict == nil {
		return false
	}
	if lit.Key != "" && strict(lit.Key) {
		return true
	}
	if lit.Call != "" && strict(lit.Call) {
		return true
	}
	if len(lit.Path) > 0 && strict(strings.Join(lit.Path, ".")) {
		return true
	}
	return false
}

// schemaKeyword are keys of a schema description (JSON Schema, OpenAPI,
// API discovery documents) whose lists hold enum values or prose, never
// the scopes of the property they describe.
var schemaKeyword = map[string]bool{
	"enum": true, "enumdescriptions": true, "enumdeprecated": true, "x-enum-descriptions": true,
	"x-enum-varnames": true, "examples": true, "description": true, "descriptions": true,
	"required": true, "oneof": true, "anyof": true, "allof": true, "type": true,
}

// proseWords are words that occur in sentences but never in a scope list.
var proseWords = map[string]bool{
	"the": true, "a": true, "an": true, "is": true, "are": true, "of": true, "to": true, "in": true,
	"and": true, "or": true, "for": true, "with": true, "not": true, "only": true, "be": true,
	"this": true, "that": true, "on": true, "by": true, "from": true, "as": true, "it": true,
}

// isProse reports whether a value reads as a sentence: two or more
// distinct words that no scope list contains ("the", "is", "of", ...).
func isProse(v string) bool {
	if !strings.Contains(v, " ") {
		return false
	}
	first := ""
	for _, w := range strings.Fields(v) {
		w = strings.ToLower(strings.TrimRight(w, ".,;:"))
		if proseWords[w] && w != first {
			if first != "" {
				return true
			}
			first = w
		}
	}
	return false
}
