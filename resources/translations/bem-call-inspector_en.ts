<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>Opening a window of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not start: no local port was free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo · local bem API on %1 · no key or network used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links will open in new windows: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallForm</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for 23 h 59 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input file URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the input file in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one of the input files in the browser, or copy the URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy All URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters in all; right-click ▸ Copy Error for the full text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since the call was created, by this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From created to finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallIdField</name>
    <message>
        <source>Call ID, or a bem link — press Enter (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallTreeModel</name>
    <message>
        <source>(unnamed function call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No function calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 function call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function call ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its parent %1 is not in this call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its parents form a cycle; shown at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another function call has the same ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 function calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallTreePanel</name>
    <message>
        <source>Filter by name, ID, type or status (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · filtered by “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expanding %L1 function calls…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering %L1 function calls…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::DetailsPane</name>
    <message>
        <source>Select a function call to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function call ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function call that spawned this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow call ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields this version of the app does not know, as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected input file in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected input file&apos;s URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status as sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(own input)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This function call&apos;s own input file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since it started, by this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From started to finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::EmptyState</name>
    <message>
        <source>Inspect a bem call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a call ID, or a bem dashboard or API link, into the field above and press Enter. You will see the call&apos;s status, timing and its function calls, live while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch a workflow call run against a small bem API inside the app. No key or network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::MainWindow</name>
    <message>
        <source>bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Auto-Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Call ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Call &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed function calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ID </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing a saved response: %1 (not refreshed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo uses its own local API and key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Parts of the response were ignored (%n problem(s)). First: %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data below is from %1 and may be out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo runs a small bem API inside the app; no key or network is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the API key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the API key %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set. Enter one (it is kept in the system keychain) or set BEM_API_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a saved call response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the call ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bem Call Inspector %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect bem calls: status, timing and the function-call tree, live while they run.

Built with Qt %1 (running on Qt %2).
Licence: MIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::RawJsonView</name>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the text shown to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the response exactly as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the response (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response body is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This response is not valid JSON; shown as received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no response to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A large response (%1): the first %2 is shown, indented. Save as… and Copy take all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This response (%1) is not valid JSON; the first %2 is shown as received. Save as… and Copy take all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::RecentCallsMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::SettingsDialog</name>
    <message>
        <source>Forget saved key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an http(s) URL with a host, such as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a saved key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the key in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste your bem API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BEM_API_KEY is set in the environment: that key is used, and it overrides any key saved here. A key saved here is used once BEM_API_KEY is no longer set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is forgotten when the app quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Saved Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the saved API key from the system keychain and from this session?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1: the key works (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::SingleInstance</name>
    <message>
        <source>The running inspector did not understand the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running inspector did not answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another user&apos;s program listens on %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::StatusBadge</name>
    <message>
        <source>Queued, not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished with an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent no status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a status the API documents; treated as not finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status as sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::UrlOpener</name>
    <message>
        <source>No application on this computer would open the link. Use ǌopy URL” and paste it into a browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::ValueField</name>
    <message>
        <source>Copy Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a time this app can read; shown as sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1 characters in all; Copy gives the full value.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
