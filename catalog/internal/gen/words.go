package main

import (
	"strings"
	"unicode"
)

// splitWords splits a scope name into lowercase words at separators
// (: . _ - / space) and at camelCase boundaries ("myAccount" -> my account,
// "APIConnectors" -> api connectors).
func splitWords(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ':' || r == '.' || r == '_' || r == '-' || r == '/' || r == ' '
	}) {
		for _, w := range splitCamel(part) {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// camelWords are names written in camel case that are one word.
var camelWords = strings.NewReplacer("SharePoint", "Sharepoint", "OneDrive", "Onedrive", "OneNote", "Onenote",
	"eDiscovery", "Ediscovery", "OAuth", "Oauth", "LinkedIn", "Linkedin", "GitHub", "Github",
	"WebAuthn", "Webauthn", "iOS", "Ios", "macOS", "Macos", "PowerShell", "Powershell", "BitLocker", "Bitlocker")

// splitCamel splits "AdministrativeUnit" into Administrative, Unit and
// "APIConnectors" into API, Connectors; digits stay with their word.
func splitCamel(s string) []string {
	rs := []rune(camelWords.Replace(s))
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		lowerToUpper := unicode.IsLower(prev) && unicode.IsUpper(cur)
		acronymEnd := unicode.IsUpper(prev) && unicode.IsUpper(cur) && next != 0 && unicode.IsLower(next)
		if lowerToUpper || acronymEnd {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// properWords gives the written form of words that are names or acronyms.
var properWords = map[string]string{
	"ai": "AI", "api": "API", "apis": "APIs", "app": "app", "cms": "CMS", "crm": "CRM", "dm": "DM",
	"gdm": "group DM", "dms": "DMs", "gpg": "GPG", "graphql": "GraphQL", "id": "ID", "idp": "IdP", "idps": "IdPs",
	"imap": "IMAP", "pop": "POP", "smtp": "SMTP", "ews": "EWS", "eas": "EAS", "mcp": "MCP", "mfa": "MFA",
	"oauth": "OAuth", "oidc": "OIDC", "rpc": "RPC", "scim": "SCIM", "sdk": "SDK", "ssh": "SSH", "sso": "SSO",
	"url": "URL", "urls": "URLs", "jira": "Jira", "confluence": "Confluence", "servicedesk": "Service Desk",
	"servicemanagement": "Service Management", "bitbucket": "Bitbucket", "instagram": "Instagram",
	"whatsapp": "WhatsApp", "facebook": "Facebook", "github": "GitHub", "gitlab": "GitLab", "slack": "Slack",
	"okta": "Okta", "azure": "Azure", "ad": "AD", "pc": "PC", "pcs": "PCs", "onedrive": "OneDrive",
	"sharepoint": "SharePoint", "onenote": "OneNote", "microsoft": "Microsoft", "entra": "Entra", "ediscovery": "eDiscovery", "bitlocker": "BitLocker",
	"rbac": "RBAC", "tls": "TLS", "oath": "OATH", "tap": "TAP", "qr": "QR", "pstn": "PSTN", "ca": "CA",
	"xtenant": "cross-tenant", "b2b": "B2B", "b2c": "B2C", "qna": "Q&A", "spiffe": "SPIFFE", "crm's": "CRM's",
	"sdm": "SDM", "ssl": "SSL", "iot": "IoT", "kms": "KMS", "sql": "SQL", "vm": "VM", "ios": "iOS",
	"youtube": "YouTube", "bigquery": "BigQuery", "gmail": "Gmail", "google": "Google", "zoom": "Zoom",
	"copilot": "Copilot", "cdp": "CDP", "jql": "JQL", "irc": "IRC",
	"vips": "VIPs", "vip": "VIP", "ssf": "SSF", "dr": "DR", "uischemas": "UI schemas", "webauthn": "WebAuthn",
	"jwt": "JWT", "acl": "ACL", "acls": "ACLs", "usergroups": "user groups", "auditlogs": "audit logs",
	"balancesheet": "balance sheet", "banksummary": "bank summary", "budgetsummary": "budget summary",
	"executivesummary": "executive summary", "profitandloss": "profit and loss", "trialbalance": "trial balance",
	"taxreports": "tax reports", "tenninetynine": "1099", "banktransactions": "bank transactions",
	"manualjournals": "manual journals", "payruns": "pay runs", "paymentservices": "payment services",
	"bankfeeds": "bank feeds", "timetracking": "time tracking", "gcp": "GCP", "chromeos": "ChromeOS", "addons": "add-ons", "appcreateddata": "app-created data",
	"myactivity": "My Activity", "playpoints": "Play Points", "powershell": "PowerShell", "linkedin": "LinkedIn", "macos": "macOS",
	"variablegroups": "variable groups", "machinegroup": "machine groups", "serviceendpoint": "service endpoints",
	"taskgroups": "task groups", "agentpools": "agent pools", "tokenadministration": "token administration",
	"auditlog": "audit log", "codesearch": "code search", "memberentitlementmanagement": "member entitlement management",
	"securefiles": "secure files", "pipelineresources": "pipeline resources", "microprofile": "MicroProfile", "k8s": "Kubernetes", "lfs": "LFS",
}

// word returns the written form of one lowercase word.
func word(w string) string {
	if p, ok := properWords[w]; ok {
		return p
	}
	return w
}

// phrase joins words in their written forms.
func phrase(ws []string) string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if w == "" {
			continue
		}
		out = append(out, word(w))
	}
	return strings.Join(out, " ")
}

// uncountable nouns take no plural "s".
var uncountable = map[string]bool{
	"mail": true, "data": true, "information": true, "presence": true, "people": true, "analytics": true,
	"content": true, "telemetry": true, "management": true, "ediscovery": true, "feedback": true,
	"billing": true, "history": true, "storage": true, "configuration": true, "sharing": true,
	"compliance": true, "access": true, "protection": true, "governance": true, "security": true,
	"financials": true, "insights": true, "hunting": true, "intelligence": true, "info": true,
	"synchronization": true, "teamwork": true, "email": true, "metadata": true,
}

// plural makes the last word of a noun phrase plural ("group" -> "groups",
// "policy" -> "policies"), leaving plurals and uncountable nouns alone.
func plural(ws []string) []string {
	if len(ws) == 0 {
		return ws
	}
	out := append([]string(nil), ws...)
	last := out[len(out)-1]
	switch {
	case last == "pc":
		out[len(out)-1] = "pcs"
	case uncountable[last] || isAcronym(last):
		// uncountable nouns and acronyms stay as they are
	case strings.HasSuffix(last, "s"), strings.HasSuffix(last, "x"):
	case strings.HasSuffix(last, "y") && len(last) > 1 && !strings.ContainsRune("aeiou", rune(last[len(last)-2])):
		out[len(out)-1] = last[:len(last)-1] + "ies"
	case strings.HasSuffix(last, "ch") || strings.HasSuffix(last, "sh"):
		out[len(out)-1] = last + "es"
	default:
		out[len(out)-1] = last + "s"
	}
	return out
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// isAcronym reports whether w is written in capitals (API, SSO).
func isAcronym(w string) bool {
	p, ok := properWords[w]
	return ok && len(p) > 1 && strings.ToUpper(p) == p
}
