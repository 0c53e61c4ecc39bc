package main

import (
	"strings"
)

// msResourceTitles names the resources of Microsoft's non-Graph scopes.
var msResourceTitles = map[string]string{
	"https://graph.microsoft.com":               "Microsoft Graph",
	"00000003-0000-0000-c000-000000000000":      "Microsoft Graph",
	"https://graph.windows.net":                 "Azure AD Graph",
	"00000002-0000-0000-c000-000000000000":      "Azure AD Graph",
	"https://outlook.office.com":                "Outlook (Exchange Online)",
	"https://outlook.office365.com":             "Exchange Online",
	"https://management.azure.com":              "Azure Resource Manager",
	"https://management.core.windows.net":       "Azure classic service management",
	"https://vault.azure.net":                   "Azure Key Vault",
	"https://storage.azure.com":                 "Azure Storage",
	"https://database.windows.net":              "Azure SQL Database",
	"https://ossrdbms-aad.database.windows.net": "Azure Database for PostgreSQL and MySQL",
	"https://cognitiveservices.azure.com":       "Azure AI services",
	"https://servicebus.azure.net":              "Azure Service Bus",
	"https://eventhubs.azure.net":               "Azure Event Hubs",
	"https://api.loganalytics.io":               "Azure Log Analytics",
	"https://api.applicationinsights.io":        "Application Insights",
	"https://batch.core.windows.net":            "Azure Batch",
	"https://dev.azuresynapse.net":              "Azure Synapse",
	"https://attest.azure.net":                  "Azure Attestation",
	"https://api.fabric.microsoft.com":          "Microsoft Fabric",
	"https://analysis.windows.net/powerbi/api":  "Power BI",
	"https://manage.office.com":                 "Office 365 Management API",
	"https://monitor.azure.com":                 "Azure Monitor ingestion",
	"499b84ac-1321-427f-aa17-267ca6975798":      "Azure DevOps",
}

// describeMicrosoft describes Microsoft Graph permissions (Mail.Read),
// resource-qualified scopes (https://vault.azure.net/.default), Azure
// DevOps vso.* and Live Connect wl.* names.
func describeMicrosoft(s *srcScope) (string, bool) {
	name := s.Name
	if d, ok := commonScopes[name]; ok {
		return d, true
	}
	switch {
	case strings.HasPrefix(name, "vso."):
		return describeDevOps(strings.TrimPrefix(name, "vso."))
	case strings.HasPrefix(name, "wl."):
		d, _ := describeGeneric("liveconnect", strings.TrimPrefix(name, "wl."))
		return d + " (Live Connect)", true
	case strings.HasPrefix(name, "office."):
		d, _ := describeGeneric("microsoft", strings.TrimPrefix(name, "office."))
		return d + " (Live Connect)", true
	}
	// Resource-qualified: "<resource>/<permission>" with the resource an
	// URL or an application ID; the permission may follow a double slash.
	if i := strings.LastIndex(name, "/"); i >= 0 {
		res, perm := strings.TrimRight(name[:i], "/"), name[i+1:]
		title := msResourceTitles[res]
		if title == "" {
			title = strings.TrimPrefix(res, "https://")
		}
		switch perm {
		case ".default":
			return "Every permission configured for the app on " + title, true
		case "user_impersonation":
			return "Access " + title + " as the signed-in user", true
		}
		d, ok := describeGraph(perm, s.Types)
		if !ok {
			return "", false
		}
		if title != "Microsoft Graph" {
			d += " (" + title + ")"
		}
		return d, true
	}
	return describeGraph(name, s.Types)
}

// describeDevOps describes an Azure DevOps scope such as build_execute.
func describeDevOps(rest string) (string, bool) {
	ws := splitWords(rest)
	if len(ws) == 0 {
		return "", false
	}
	mode := ""
	if len(ws) > 1 {
		switch last := ws[len(ws)-1]; last {
		case "write", "manage", "execute", "full", "listen", "status", "query", "publish", "diagnostics", "read", "fork", "logs", "interact", "acquire":
			mode, ws = last, ws[:len(ws)-1]
		}
	}
	obj := phrase(ws)
	var d string
	switch mode {
	case "", "read":
		d = "Read " + obj
	case "write":
		d = "Read and write " + obj
	case "manage":
		d = "Manage " + obj
	case "execute":
		d = "Read and run " + obj
	case "full":
		d = "Full access to " + obj
	case "listen":
		d = "Listen to " + obj
	case "status":
		d = "Read and write " + obj + " status"
	case "query":
		d = "Query " + obj
	case "publish":
		d = "Publish to " + obj
	case "diagnostics":
		d = "Read " + obj + " diagnostics"
	case "fork":
		d = "Run " + obj + " from forks"
	case "logs":
		d = "Read " + obj + " logs"
	case "interact":
		d = "Interact with " + obj
	case "acquire":
		d = "Acquire from " + obj
	default:
		d = obj + " " + mode
	}
	return capitalize(d) + " in Azure DevOps", true
}

// msOps maps the operation part of a Graph permission to a verb phrase.
var msOps = map[string]string{
	"Read": "Read", "ReadWrite": "Read and write", "ReadBasic": "Read basic properties of",
	"ReadWriteBasic": "Read and write basic properties of", "Write": "Write", "Create": "Create",
	"Send": "Send", "Manage": "Manage", "Delete": "Delete", "DeleteRestore": "Delete and restore",
	"Remove": "Remove", "Upload": "Upload", "Export": "Export", "EnableDisable": "Enable and disable",
	"Edit": "Edit", "Process": "Process", "ReadAnonymous": "Read anonymously", "ImportExport": "Import and export",
	"FullControl": "Full control of", "Compute": "Compute", "Evaluate": "Evaluate", "Submit": "Submit",
	"Initiate": "Initiate", "Receive": "Receive", "Command": "Send commands to", "Ingest": "Ingest",
	"Start": "Start", "Sign": "Sign", "Activate": "Activate", "Archive": "Archive", "Migrate": "Migrate",
	"Invite": "Invite", "ReadApprove": "Read and approve", "ManageDeletion": "Manage deletion of",
	"ReadWriteAndConsent": "Read, write and consent to", "ReadSelected": "Read selected",
	"ReadWriteSelected": "Read and write selected", "ManageSelected": "Manage selected",
	"Migration": "Migrate", "Selected": "Access selected", "SelectedOperations": "Run selected operations on",
	"PrivilegedOperations": "Run privileged operations on", "AccessMedia": "Access media of",
	"ManageProtection": "Manage protection of", "RevokeSessions": "Revoke sessions of",
	"ManageIdentities": "Manage identities of", "EnableDisableAccount": "Enable and disable accounts of",
}

// msNouns gives better nouns for some Graph resources: own (the signed-in
// user's), all (every one in the tenant).
var msNouns = map[string]struct{ own, all string }{
	"User":            {"the signed-in user's profile", "all users' profiles"},
	"Mail":            {"the signed-in user's mail", "mail in all mailboxes"},
	"Directory":       {"the directory", "all directory data"},
	"Presence":        {"the signed-in user's presence", "presence of all users"},
	"People":          {"people relevant to the signed-in user", "people relevant to all users"},
	"Calendars":       {"the signed-in user's calendars", "calendars in all mailboxes"},
	"Contacts":        {"the signed-in user's contacts", "contacts in all mailboxes"},
	"MailboxSettings": {"the signed-in user's mailbox settings", "all users' mailbox settings"},
	"Files":           {"the signed-in user's files", "all files the signed-in user can access"},
	"Notes":           {"the signed-in user's OneNote notebooks", "all OneNote notebooks"},
	"Tasks":           {"the signed-in user's tasks", "all users' tasks"},
	"Sites":           {"SharePoint sites", "items in all site collections"},
}

// msWords are Microsoft product names that are plain words elsewhere.
var msWords = map[string]string{"exchange": "Exchange", "teams": "Teams", "windows": "Windows",
	"hello": "Hello", "outlook": "Outlook", "intune": "Intune", "defender": "Defender", "purview": "Purview"}

// msPhrase is phrase with Microsoft's product names.
func msPhrase(ws []string) string {
	return writer{st: style{words: msWords}}.phrase(ws)
}

// msCollectionOps act on a set of things, so ".All" reads "all <things>";
// other operations (Create, Send, Initiate, ...) read "<verb> <things>".
var msCollectionOps = map[string]bool{
	"Read": true, "ReadWrite": true, "ReadBasic": true, "ReadWriteBasic": true, "Write": true,
	"Manage": true, "Delete": true, "DeleteRestore": true, "FullControl": true, "Export": true,
	"ManageDeletion": true, "ReadAnonymous": true, "ImportExport": true, "Remove": true, "Edit": true,
}

// msNoun writes a Graph resource name as a plural noun phrase:
// "AdministrativeUnit" -> "administrative units",
// "AuditLogsQuery-Exchange" -> "audit logs queries (Exchange)".
func msNoun(res string) string {
	res = strings.TrimPrefix(res, "MS-") // "MS-Device-Tags": Microsoft's own device tags
	main, qual, _ := strings.Cut(res, "-")
	ws := splitWords(main)
	if len(ws) == 0 {
		return ""
	}
	if main == "UserAuthMethod" {
		ws = []string{"user", "authentication", "method"}
	}
	n := msPhrase(plural(ws))
	if qual != "" {
		n += " (" + msPhrase(splitWords(qual)) + ")"
	}
	return n
}

// describeGraph describes a Graph permission Resource.Operation[.Constraint].
func describeGraph(name string, types []string) (string, bool) {
	parts := strings.Split(name, ".")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" || strings.HasPrefix(parts[0], "_") {
		return "", false
	}
	res, op, cons := parts[0], parts[1], ""
	if len(parts) == 3 {
		cons = parts[2]
	}
	noun := msNoun(res)
	if noun == "" || op == "" {
		return "", false
	}
	if op == "AccessAsUser" {
		n := msPhrase(splitWords(res))
		if res == "Directory" {
			n = "the directory"
		}
		return "Access " + n + " as the signed-in user", true
	}
	// Installed-app operations: ReadWriteSelfForChat, ReadForTeam, ...
	if i := strings.Index(op, "For"); i > 0 {
		base, where := op[:i], strings.ToLower(op[i+3:])
		self := strings.HasSuffix(base, "Self")
		base = strings.TrimSuffix(base, "Self")
		if v, ok := msOps[base]; ok && where != "" {
			owner := ""
			if self {
				owner = "this app's "
			}
			in := map[string]string{"chat": "in chats", "team": "in teams", "user": "for users"}[where]
			if in == "" {
				in = "for " + where + "s"
			}
			return v + " " + owner + noun + " " + in, true
		}
	}
	verbText, ok := msOps[op]
	if !ok {
		ws := splitWords(op)
		if len(ws) == 0 {
			return "", false
		}
		verbText = capitalize(msPhrase(ws))
		if len(ws) > 1 {
			verbText += " of" // "Update sponsors of all agent identities"
		}
	}
	collection := msCollectionOps[op] || !ok && len(splitWords(op)) > 1
	nouns := msNouns[res]
	delegated := false
	for _, t := range types {
		if strings.HasPrefix(t, "delegated") {
			delegated = true
		}
	}
	var obj string
	switch cons {
	case "":
		switch {
		case op == "Send" && res == "Mail":
			return "Send mail as the signed-in user", true
		case op == "Send" && res == "SMTP":
			return "Send mail over SMTP as the signed-in user", true
		case op == "Send" && delegated:
			return "Send " + noun + " as the signed-in user", true
		case nouns.own != "" && collection:
			obj = nouns.own
		case delegated && collection:
			obj = "the signed-in user's " + noun
		default:
			obj = noun
		}
	case "All":
		switch {
		case op == "Send" && res == "Mail":
			return "Send mail as any user", true
		case nouns.all != "" && collection:
			obj = nouns.all
		case collection && uncountable[strings.ToLower(lastWord(res))]:
			obj = "all " + noun + " data"
		case collection:
			obj = "all " + noun
		default:
			obj = noun
		}
	case "Shared":
		if res == "Mail" {
			obj = "the signed-in user's and shared mail"
		} else if nouns.own != "" {
			obj = nouns.own + " and shared ones"
		} else {
			obj = "the signed-in user's and shared " + noun
		}
	case "OwnedBy":
		obj = noun + " this app owns"
	case "Selected":
		obj = "selected " + noun
	case "CreatedByApp":
		obj = noun + " this app created"
	case "ManagedBy":
		obj = noun + " this app manages"
	case "WhereInstalled":
		obj = noun + " where the app is installed"
	case "Group", "Chat", "User":
		if res == cons {
			obj = "the " + strings.ToLower(cons) + " (resource-specific consent)"
			break
		}
		where := map[string]string{"Group": "the team or group", "Chat": "the chat", "User": "the user"}[cons]
		obj = noun + " of " + where + " (resource-specific consent)"
	case "Hidden":
		obj = "hidden " + noun
	default:
		obj = msPhrase(splitWords(cons)) + " " + noun
	}
	return verbText + " " + obj, true
}

// lastWord returns the last camel-case word of a resource name.
func lastWord(res string) string {
	main, _, _ := strings.Cut(res, "-")
	ws := splitCamel(main)
	return ws[len(ws)-1]
}
