package main

import (
	"strings"
)

// titles are the display names of the providers.
var titles = map[string]string{
	"apple": "Sign in with Apple", "atlassian": "Atlassian (Jira, Confluence)", "auth0": "Auth0",
	"aws-cognito": "Amazon Cognito", "bitbucket": "Bitbucket Cloud", "box": "Box", "discord": "Discord",
	"dropbox": "Dropbox", "facebook": "Facebook (Meta)", "figma": "Figma", "fitbit": "Fitbit",
	"github": "GitHub", "gitlab": "GitLab", "google": "Google", "hubspot": "HubSpot",
	"intuit": "Intuit QuickBooks", "keycloak": "Keycloak", "linkedin": "LinkedIn",
	"microsoft": "Microsoft identity platform", "notion": "Notion", "oidc": "OpenID Connect",
	"okta": "Okta", "reddit": "Reddit", "salesforce": "Salesforce", "shopify": "Shopify",
	"slack": "Slack", "spotify": "Spotify", "strava": "Strava", "stripe": "Stripe Connect",
	"twitch": "Twitch", "x": "X (Twitter)", "xero": "Xero", "zoom": "Zoom",
}

// acceptsComma lists providers that document spaces but take commas too.
var acceptsComma = map[string]bool{"github": true, "facebook": true, "reddit": true}

// acceptsSpace lists providers that document commas but take spaces too.
var acceptsSpace = map[string]bool{"facebook": true}

// broadScopes marks well-known full-access scopes per provider.
var broadScopes = map[string][]string{
	"google": {
		googlePrefix + "cloud-platform", "https://mail.google.com/", googlePrefix + "drive",
		googlePrefix + "compute", googlePrefix + "devstorage.full_control", googlePrefix + "admin.directory.user",
	},
	"github":     {"repo", "admin:org", "delete_repo", "admin:enterprise", "site_admin", "admin:repo_hook"},
	"gitlab":     {"api", "sudo", "admin_mode"},
	"slack":      {"admin", "client"},
	"salesforce": {"full", "api"},
	"stripe":     {"read_write"},
	"box":        {"root_readwrite"},
	"reddit":     {"*"},
	"bitbucket":  {"repository:admin", "repository:delete"},
	"zoom":       {"user:master"},
	"okta":       {"okta.users.manage", "okta.apps.manage", "okta.roles.manage"},
	"auth0":      {"delete:users", "update:users"},
	"microsoft":  {"Directory.AccessAsUser.All", "https://management.azure.com/user_impersonation", "https://management.core.windows.net//user_impersonation"},
}

// isBroad reports whether a scope grants full access: the table above, and
// for Microsoft every *.ReadWrite.All permission.
func isBroad(provider, name string) bool {
	for _, b := range broadScopes[provider] {
		if b == name {
			return true
		}
	}
	if provider == "microsoft" {
		return strings.HasSuffix(name, ".ReadWrite.All") && !strings.Contains(name, "/")
	}
	return false
}

// popular lists commonly requested scopes per provider, most common first.
// Names shared by many providers (openid, email, ...) are ranked for every
// provider that has them.
var popular = map[string][]string{
	"": {"openid", "email", "profile", "offline_access"},
	"google": {
		googlePrefix + "userinfo.email", googlePrefix + "userinfo.profile", googlePrefix + "drive.file",
		googlePrefix + "drive.readonly", googlePrefix + "drive", googlePrefix + "cloud-platform",
		googlePrefix + "spreadsheets", googlePrefix + "spreadsheets.readonly", googlePrefix + "calendar",
		googlePrefix + "calendar.readonly", googlePrefix + "calendar.events", googlePrefix + "gmail.readonly",
		googlePrefix + "gmail.send", googlePrefix + "gmail.modify", "https://mail.google.com/",
		googlePrefix + "youtube.readonly", googlePrefix + "youtube", googlePrefix + "documents",
		googlePrefix + "drive.metadata.readonly", googlePrefix + "contacts.readonly", googlePrefix + "analytics.readonly",
		googlePrefix + "bigquery", googlePrefix + "devstorage.read_only",
	},
	"microsoft": {
		"User.Read", "Mail.Read", "Mail.Send", "Calendars.Read", "Calendars.ReadWrite", "Files.Read",
		"Files.ReadWrite", "Mail.ReadWrite", "User.Read.All", "User.ReadBasic.All", "Group.Read.All",
		"Files.ReadWrite.All", "Sites.Read.All", "Contacts.Read", "Directory.Read.All", "Chat.Read",
		"ChannelMessage.Send", "Tasks.ReadWrite", "offline_access", "https://graph.microsoft.com/.default",
		"https://management.azure.com/.default", "https://vault.azure.net/.default", "https://storage.azure.com/.default",
	},
	"github": {
		"repo", "user:email", "read:user", "read:org", "public_repo", "user", "gist", "workflow",
		"write:packages", "read:packages", "admin:org", "notifications", "delete_repo", "admin:repo_hook",
	},
	"gitlab":      {"read_user", "api", "read_api", "read_repository", "write_repository", "read_registry"},
	"slack":       {"chat:write", "channels:read", "users:read", "channels:history", "commands", "im:history", "users:read.email", "groups:read", "im:write", "reactions:write", "files:write", "app_mentions:read", "incoming-webhook", "team:read"},
	"shopify":     {"read_products", "write_products", "read_orders", "write_orders", "read_customers", "write_customers", "read_inventory", "write_inventory", "read_fulfillments", "read_themes"},
	"atlassian":   {"read:jira-user", "read:jira-work", "write:jira-work", "read:me", "read:confluence-content.all", "offline_access"},
	"discord":     {"identify", "email", "guilds", "bot", "applications.commands", "guilds.join", "connections"},
	"spotify":     {"user-read-email", "user-read-private", "playlist-read-private", "user-top-read", "user-read-playback-state", "user-modify-playback-state", "streaming", "user-library-read"},
	"x":           {"tweet.read", "users.read", "offline.access", "tweet.write", "follows.read"},
	"linkedin":    {"openid", "profile", "email", "w_member_social"},
	"facebook":    {"public_profile", "email", "pages_show_list", "pages_read_engagement", "pages_manage_posts", "instagram_basic", "ads_read", "business_management"},
	"dropbox":     {"files.content.read", "files.metadata.read", "account_info.read", "files.content.write"},
	"box":         {"root_readonly", "root_readwrite"},
	"zoom":        {"meeting:read", "meeting:write", "user:read"},
	"salesforce":  {"api", "refresh_token", "id", "openid", "full", "web"},
	"okta":        {"openid", "profile", "email", "offline_access", "okta.users.read", "groups"},
	"auth0":       {"read:users", "update:users", "read:clients"},
	"twitch":      {"user:read:email", "chat:read", "chat:edit", "channel:read:subscriptions", "bits:read", "channel:manage:broadcast"},
	"reddit":      {"identity", "read", "submit", "history", "mysubreddits", "vote", "edit"},
	"bitbucket":   {"account", "repository", "email", "pullrequest", "repository:write"},
	"hubspot":     {"oauth", "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.companies.read", "crm.objects.deals.read"},
	"xero":        {"offline_access", "accounting.transactions", "accounting.contacts", "accounting.settings"},
	"intuit":      {"com.intuit.quickbooks.accounting", "openid", "com.intuit.quickbooks.payment"},
	"stripe":      {"read_write", "read_only"},
	"strava":      {"read", "activity:read_all", "activity:read", "profile:read_all"},
	"fitbit":      {"activity", "heartrate", "sleep", "profile", "weight"},
	"figma":       {"file_content:read", "current_user:read"},
	"apple":       {"name", "email"},
	"aws-cognito": {"openid", "email", "profile"},
	"keycloak":    {"openid", "profile", "email", "offline_access", "roles"},
}

// popularity returns the rank of a scope: a higher number for a more
// commonly requested scope, 0 when unknown.
func popularity(provider, name string) int {
	for i, n := range popular[provider] {
		if n == name {
			return 100 - i
		}
	}
	for i, n := range popular[""] {
		if n == name {
			return 50 - i
		}
	}
	return 0
}
