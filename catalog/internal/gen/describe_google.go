package main

import (
	"strings"
)

const googlePrefix = "https://www.googleapis.com/auth/"

// googleServices names the service of a Google scope by the first segment
// of its short form.
var googleServices = map[string]string{
	"activity": "Drive Activity", "agencies-and-brands": "Authorized Buyers agencies and brands",
	"agentregistry": "Agent Registry", "aiplatform": "Vertex AI", "apihub": "API hub", "apikeys": "API keys",
	"chrome.management": "Chrome management", "chat.app": "Google Chat", "cloud-auditmanager": "Audit Manager",
	"cloud-backupdr": "Backup and DR", "cloud-netapp": "NetApp Volumes", "cloudasset": "Cloud Asset Inventory",
	"container": "Google Kubernetes Engine", "curation-partners": "Authorized Buyers curation partners",
	"discoveryengine": "Discovery Engine", "notebooks": "Vertex AI Workbench notebooks",
	"organizationpolicy": "Organization Policy", "saasservicemgmt": "App Lifecycle Manager",
	"securitycenter": "Security Command Center", "webcontentpublisher": "Web Content Publisher", "adexchange": "Ad Exchange", "admin": "the Admin SDK",
	"admob": "AdMob", "adsense": "AdSense", "adsensehost": "AdSense Host", "adwords": "Google Ads",
	"analytics": "Google Analytics", "androidenterprise": "Android Enterprise",
	"androidmanagement": "Android Management", "androidpublisher": "the Google Play Console",
	"appengine": "App Engine", "apps": "Google Workspace", "appsmarketplace": "Google Workspace Marketplace",
	"appstate": "the App State API", "authorized-buyers-marketplace": "the Authorized Buyers Marketplace",
	"bigquery": "BigQuery", "bigtable": "Bigtable", "blogger": "Blogger", "books": "Google Books",
	"buzz": "Google Buzz", "calendar": "Google Calendar", "ces": "Customer Engagement Suite",
	"chat": "Google Chat", "chrome": "Chrome", "chromewebstore": "the Chrome Web Store",
	"classroom": "Google Classroom", "cloud": "Google Cloud", "cloud-bigtable": "Cloud Bigtable",
	"cloud-billing": "Cloud Billing", "cloud-healthcare": "Cloud Healthcare",
	"cloud-identity": "Cloud Identity", "cloud-language": "Cloud Natural Language",
	"cloud-platform": "Google Cloud", "cloud-tasks": "Cloud Tasks",
	"cloud-translation": "Cloud Translation", "cloud-vision": "Cloud Vision",
	"cloud_debugger": "Cloud Debugger", "cloud_search": "Cloud Search", "cloudcomposer": "Cloud Composer",
	"cloudiot": "Cloud IoT", "cloudkms": "Cloud KMS", "cloudruntimeconfig": "Cloud Runtime Configuration",
	"compute": "Compute Engine", "consumersurveys": "Consumer Surveys", "contacts": "Google Contacts",
	"content": "the Content API for Shopping", "datalineage": "Data Lineage", "datamanager": "the Data Manager API",
	"dataplex": "Dataplex", "dataportability": "Data Portability", "dataproc": "Dataproc",
	"datastore": "Cloud Datastore", "ddmconversions": "Campaign Manager conversions",
	"devstorage": "Cloud Storage", "dfareporting": "Campaign Manager reporting",
	"dfatrafficking": "Campaign Manager trafficking", "dialogflow": "Dialogflow",
	"directory": "the Workspace directory", "display-video": "Display & Video 360",
	"display-video-mediaplanning":   "Display & Video 360 media planning",
	"display-video-user-management": "Display & Video 360 user management",
	"documents":                     "Google Docs", "doubleclickbidmanager": "Bid Manager", "doubleclicksearch": "Search Ads 360",
	"drive": "Google Drive", "ediscovery": "Google Vault", "email": "email", "factchecktools": "Fact Check Tools",
	"firebase": "Firebase", "fitness": "Google Fit", "forms": "Google Forms", "fusiontables": "Fusion Tables",
	"games": "Play Games services", "genomics": "Genomics", "glass": "Glass", "gmail": "Gmail",
	"googlehealth": "the Google Health API", "groups": "Google Groups", "homegraph": "Home Graph",
	"indexing": "the Indexing API", "jobs": "Cloud Talent Solution", "keep": "Google Keep",
	"logging": "Cloud Logging", "manufacturercenter": "Manufacturer Center",
	"maps-platform": "Google Maps Platform", "marketingplatformadmin": "Marketing Platform admin",
	"meetings": "Google Meet", "moderator": "Google Moderator", "monitoring": "Cloud Monitoring",
	"ndev": "Cloud Console development tools", "orkut": "orkut", "photoslibrary": "Google Photos Library",
	"photospicker": "the Google Photos Picker", "playdeveloperreporting": "Play developer reporting",
	"playintegrity": "Play Integrity", "playmovies_partner": "Play Movies partner data", "plus": "Google+",
	"postmaster": "Postmaster Tools", "prediction": "the Prediction API", "presentations": "Google Slides",
	"pubsub": "Pub/Sub", "realtime-bidding": "Real-time Bidding", "redis": "Memorystore for Redis",
	"replicapool": "Replica Pool", "run": "Cloud Run", "sasportal": "the SAS Portal", "script": "Apps Script",
	"sdm": "Smart Device Management", "service": "Service Management", "servicecontrol": "Service Control",
	"siteverification": "Site Verification", "source": "Cloud Source Repositories", "spanner": "Cloud Spanner",
	"spreadsheets": "Google Sheets", "sqlservice": "Cloud SQL", "streetviewpublish": "Street View Publish",
	"subscribewithgoogle": "Subscribe with Google", "surveys": "Google Surveys", "tables": "Tables",
	"tagmanager": "Tag Manager", "taskqueue": "Task Queue", "tasks": "Google Tasks", "trace": "Cloud Trace",
	"urlshortener": "the URL Shortener", "user": "user", "userinfo": "user info",
	"userlocation": "user location", "verifiedaccess": "Verified Access", "wallet_object": "Google Wallet objects",
	"webmasters": "Search Console", "xapi": "the xapi test API", "youtube": "YouTube",
	"youtubepartner": "YouTube partner data", "youtubepartner-channel-audit": "YouTube partner channel audit",
	"yt-analytics": "YouTube Analytics", "yt-analytics-monetary": "YouTube Analytics revenue reports",
}

// googleModes are trailing segments of a Google short form that name the
// access granted.
var googleModes = map[string]string{
	"readonly": "Read-only access to", "read_only": "Read-only access to", "read-only": "Read-only access to",
	"read": "Read", "write": "Write", "writeonly": "Write-only access to", "read_write": "Read and write access to",
	"read-write": "Read and write access to", "readwrite": "Read and write access to", "manage": "Manage", "full_control": "Full control of", "create": "Create", "delete": "Delete",
	"upload": "Upload", "edit": "Edit", "compose": "Compose", "insert": "Insert", "modify": "Modify",
	"send": "Send", "admin": "Administer", "appendonly": "Append to", "import": "Import",
	"insertdata": "Insert data into", "lookup": "Look up", "freebusy": "Read free/busy information of",
}

// googleModesAlone is how a mode reads when it applies to a whole service
// ("youtube.upload": upload to YouTube).
var googleModesAlone = map[string]string{
	"upload": "Upload to", "insert": "Insert into", "send": "Send with", "compose": "Compose in",
	"import": "Import into", "create": "Create in", "delete": "Delete in",
}

// googleOwned are services whose parts belong to the user.
var googleOwned = map[string]string{
	"user":            "the user's %s",
	"userinfo":        "the user's %s",
	"dataportability": "a copy of the user's %s data",
	"googlehealth":    "the user's %s data in Google Health",
}

// googleServiceNotes are notes some two-segment services carry: Chat's
// chat.app.* scopes are granted to the Chat app itself, not to a user.
var googleServiceNotes = map[string]string{
	"chat.app": "as the Chat app",
}

// googleQualifiers are segments that say how a scope is granted rather
// than what it covers; they become a note in parentheses.
var googleQualifiers = map[string]string{
	"system": "system access",
}

// googleWords are written forms of words Google runs together in its
// scope names ("allowlisteddomains", "readstate").
var googleWords = map[string]string{
	"allowlisteddomains": "allowlisted domains", "appdetails": "app details", "assist": "the assistant",
	"clouddns": "Cloud DNS", "customemojis": "custom emojis", "ecg": "ECG", "inboundsso": "inbound SSO",
	"irn": "IRN", "myadcenter": "My Ad Center", "mymaps": "My Maps", "orgunits": "organizational units",
	"pixel": "Pixel", "readstate": "read state", "securityinsights": "security insights",
	"spacesettings": "space settings", "userinvitations": "user invitations",
}

// googleOwners are segments that own the segment after them, in the form
// they take there ("chat.spaces.pins": space pins).
var googleOwners = map[string]string{
	"alerts": "alert", "groups": "group", "messages": "message", "publications": "publication",
	"spaces": "space", "users": "users'",
}

// googleResources are words that, alone after the service, name a kind of
// resource the scope manages; they read in the plural ("Manage domains").
var googleResources = map[string]bool{
	"bot": true, "buyer": true, "consumer": true, "domain": true, "issuer": true, "license": true,
	"order": true, "report": true, "seller": true, "user": true,
}

// googlePhrase writes the words of a Google scope name, run-together words
// spelled out.
func googlePhrase(ws []string) string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		switch {
		case w == "":
			continue
		case googleWords[w] != "":
			out = append(out, googleWords[w])
		default:
			out = append(out, word(w))
		}
	}
	return strings.Join(out, " ")
}

// googleService finds the service a short form names: the longest run of
// leading segments (at most two) that googleServices knows, else the first
// segment in words. It returns the service's name and the segments after it.
func googleService(segs []string) (key, name string, rest []string) {
	if len(segs) > 2 {
		k := segs[0] + "." + segs[1]
		if n, ok := googleServices[k]; ok {
			return k, n, segs[2:]
		}
	}
	if n, ok := googleServices[segs[0]]; ok {
		return segs[0], n, segs[1:]
	}
	return segs[0], googlePhrase(splitWords(segs[0])), segs[1:]
}

// describeGoogle describes https://www.googleapis.com/auth/<service>[.<part>...][.<mode>].
func describeGoogle(s *srcScope) (string, bool) {
	if d, ok := commonScopes[s.Name]; ok {
		return d, true
	}
	if !strings.HasPrefix(s.Name, googlePrefix) {
		return "", false // legacy feed URLs: the source's own wording fits better
	}
	short := strings.TrimPrefix(s.Name, googlePrefix)
	segs := strings.Split(short, ".")
	if strings.Contains(segs[0], "/") {
		return "", false
	}
	key, svc, rest := googleService(segs)
	var notes []string
	if n, ok := googleServiceNotes[key]; ok {
		notes = append(notes, n)
	}
	// The access mode is the last segment that names one; it is usually
	// the final one (drive.readonly), sometimes in the middle
	// (photoslibrary.edit.appcreateddata).
	mode := ""
	for i := len(rest) - 1; i >= 0; i-- {
		if _, ok := googleModes[rest[i]]; ok {
			mode = rest[i]
			rest = append(append([]string(nil), rest[:i]...), rest[i+1:]...)
			break
		}
	}
	var words []string
	for i, r := range rest {
		if q, ok := googleQualifiers[r]; ok {
			notes = append(notes, q)
			continue
		}
		ws := splitWords(r)
		// A segment that owns the next one reads as its owner:
		// spaces.pins are space pins, users.availability users'.
		if o, ok := googleOwners[r]; ok && i+1 < len(rest) && googleQualifiers[rest[i+1]] == "" {
			ws = []string{o}
		}
		words = append(words, ws...)
	}
	if googleOwned[key] != "" && len(words) > 1 && words[len(words)-1] == "data" {
		words = words[:len(words)-1] // "device_data": the template says data
	}
	part := googlePhrase(words)
	target := svc
	if part != "" {
		if tmpl, ok := googleOwned[key]; ok {
			target = strings.Replace(tmpl, "%s", part, 1)
		} else {
			target = part + " in " + svc
		}
	}
	var d string
	switch {
	case mode != "" && part == "" && googleModesAlone[mode] != "":
		d = googleModesAlone[mode] + " " + svc
	case mode != "":
		d = googleModes[mode] + " " + target
	case part == "":
		d = "Full access to " + svc
	case key == "dataportability":
		d = "Export " + target
	case len(words) == 1 && googleResources[words[0]]:
		// One kind of resource: postmaster.domain manages domains.
		d = "Manage " + strings.Replace(target, part, googlePhrase(plural(words)), 1)
	default:
		d = "Manage " + target
	}
	if len(notes) > 0 {
		d += " (" + strings.Join(notes, ", ") + ")"
	}
	return capitalize(d), true
}
