"""Read the next ten calendar events (scopels demo)."""

from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

# The calendar scope is listed twice.
SCOPES = [
    "https://www.googleapis.com/auth/calendar.readonly",
    "https://www.googleapis.com/auth/gmail.send",
    "https://www.googleapis.com/auth/calendar.readonly",
]


def main():
    flow = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES)
    creds = flow.run_local_server(port=0)
    service = build("calendar", "v3", credentials=creds)
    events = service.events().list(calendarId="primary", maxResults=10).execute()
    for event in events.get("items", []):
        print(event["summary"])


if __name__ == "__main__":
    main()
