<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CallEndNotice</name>
    <message>
        <source>stopped: the key was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: the key may not see this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: the call was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: no API key is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call stopped refreshing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (started %2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 function calls failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no function call failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallForm</name>
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
        <source>was running when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was waiting when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was unfinished when saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened from a file: this is the call as it was when saved, not as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallTreeModel</name>
    <message>
        <source>(unnamed function call)</source>
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
        <source>Status: %1</source>
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
        <source>Step: %1</source>
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
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>route: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>split item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(event of no type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item offset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry: this is try %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its source event %1 was emitted by no function call of this call.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataNotice</name>
    <message numerus="yes">
        <source>%n field was ignored</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fields were ignored</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note about the data</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notes about the data</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (unreadable, or not of the expected type). First: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also %1, shown as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; all of it is shown. First: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
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
        <source>Status as sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem</name>
    <message>
        <source>1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent nothing for %2, so the request was given up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request too many times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirected the request to another site (%2). It was not followed, so your API key was not sent there. Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find the server %1: the name does not resolve. Check the base URL and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection: nothing answers on port %2. Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established%2. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network proxy failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established (%2). Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API key was refused — check it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This API key is not allowed to read this (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no bem API at this address (%2). Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call with this ID in this environment. bem keys are per environment (sandbox or production): check the ID and that the key belongs to the call&apos;s environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bem is limiting how often this key may ask (HTTP 429); it asked to wait %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bem is limiting how often this key may ask (HTTP 429).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not answer (%1); the page came from a proxy or gateway in front of bem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bem server could not answer (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not accepted (%1).</source>
        <translation type="unfinished"></translation>
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
        <source>You stopped loading %1 before it arrived. Press Retry (or F5) to ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No start or end time: not drawn on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: not yet (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration: %1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset from the call&apos;s start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waited before it started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No time: not drawn on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::ApiEndpoint</name>
    <message>
        <source>Refusing to send your API key over plain http to %1: anyone on the way could read it. Use an https:// base URL (plain http is only allowed for a server on this machine: 127.0.0.1, localhost or ::1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to send your API key to a &quot;%1:&quot; URL: only https:// (or http:// to this machine) can carry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a call ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a call ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call ID does not make a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::ApiKeyStore</name>
    <message>
        <source>Access to the system keychain was denied, so the key is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain is not available (no Secret Service or KWallet is running), so the key is kept for this session only. Set BEM_API_KEY to use a key without the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::AppController</name>
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
    <message>
        <source>Not opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::BemClient</name>
    <message>
        <source>The base URL is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set. Set BEM_API_KEY in the environment or enter a key in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is larger than %1, so it was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was cut off after %1 of %2 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was cut off after %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; the API key works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, but not like the bem API. Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error instead of the call: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; the API key works with the %2 API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; the API key works with the v3 and v2 APIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; the API key works with the v3 API (the v2 API did not answer: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; the API key works with the v2 API only (the v3 API did not answer: %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallBundle</name>
    <message>
        <source>The saved call&apos;s bundle version is not a number this version of the app knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved call was written by a newer version of the app (bundle version %1; this version reads version %2). Update the app to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved call is not a v3 call: its &quot;apiVersion&quot; is missing or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved call is incomplete: %1 missing or not of the right type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallEventsFetcher</name>
    <message>
        <source>Not all of the call&apos;s outputs could be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not all of the call&apos;s errors could be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallForm</name>
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
        <source>Time since the call was created, by this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From created to finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and 1 more error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (and %2 more errors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 (deprecated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from GET /v2/calls. bem marks the v2 call endpoints as deprecated; this call did not answer on v3 (function-type calls live on v2 only), or the connection is set to v2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 shows no outputs, errors or trace events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 errors</source>
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
    <name>bem::CallIdInput</name>
    <message>
        <source>No call ID found in that URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call ID found in that JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is a “%1:” link, not a call ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a call ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call ID cannot contain invisible or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A call ID has no spaces, tabs or line breaks inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is too long for a call ID (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a call ID.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallListFetcher</name>
    <message>
        <source>The list of calls could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries of the list could not be shown and were left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bem::CallListModel</name>
    <message>
        <source>Showing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow or function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallLoader</name>
    <message>
        <source>This is the trace of a v3 call (GET /v3/calls/{id}/trace), not the call. Open the call&apos;s response, or a call saved by the inspector (File ▸ Save), which holds both.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallPage</name>
    <message>
        <source>Function calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs &amp;&amp; errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response of GET /v3/calls/{callID}/trace, as received</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallParser</name>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: expected %3, got %4; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: %3 is not a whole number; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an object, got %2; skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response was empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is not valid JSON: it is an HTML page (often a proxy or gateway error).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is not valid JSON: it ends early, in the middle of a value at byte %1 (it was probably cut off on the way).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported an error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no call in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s call is %1, not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no outputs in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no errors in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s outputs are %1, not an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s errors are %1, not an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2: %3 is not a number from 0 to 1; ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no trace in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s trace is %1, not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response has no calls in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response&apos;s calls are %1, not an array.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no callID and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 repeats the callID “%2” and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallSession</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallSnapshot</name>
    <message>
        <source>The server also reported an error with the trace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n trace event(s) name no function call of the trace; they are listed apart.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bem::CallTab</name>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trace has no function call %1 (yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the system keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing a saved response: %1 (not refreshed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No call opened yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved response: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallTreeModel</name>
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
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
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
    <message>
        <source>Previous Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first %L1 of %L2 matches opened; F3 steps through all of them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallsBrowser</name>
    <message>
        <source>No API key is set, so there are no calls to list. Add your key in File ▸ Settings… and your calls appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallsContextMenu</name>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in New &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Call ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallsDock</name>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in &amp;Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Calls Pane</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CallsFilterBar</name>
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
        <source>Workflow names, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference ID contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::CommandLine</name>
    <message>
        <source>Inspect a bem call: its status, timing and function-call tree, live while it runs.
The API key comes from BEM_API_KEY or from the system keychain (File &gt; Settings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bem API to talk to (default %1; BEM_BASE_URL also sets it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a local demo bem API inside the app and watch a workflow call progress: no key or network needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the demo unless an API key is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a saved call response (JSON), offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE.png once it has settled, then quit (for documentation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds to wait before --screenshot (default 1500).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a window of its own instead of handing CALL_ID to the inspector already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which bem API to ask: auto (v3, then v2 for calls v3 does not know; the default), v3, or v2 (deprecated by bem). Overrides the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api must be auto, v3 or v2, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The call to load: its ID, a bem dashboard or API link, or a bem-call-inspector://call/&lt;ID&gt; link; several open in tabs. An inspector already running opens them in its window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::DesktopNotifier</name>
    <message>
        <source>bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no session bus.</source>
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
    <message>
        <source>Workflow node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labelled outlet of the node that routed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event that spawned this function call.</source>
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
    <name>bem::EnvironmentChip</name>
    <message>
        <source>Environment: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::EnvironmentPanel</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an environment: a name, a base URL and a key of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this environment and its saved key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set for this launch; not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this environment up: the order of the environments beside Call ID (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move this environment down: the order of the environments beside Call ID (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::EnvironmentStore</name>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch options</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::ErrorBox</name>
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
        <source>%1 characters in all; right-click ▸ Copy Error for the full text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::EventDetails</name>
    <message>
        <source>Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item offset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last delivery failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::EventListModel</name>
    <message>
        <source>last delivery failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function call: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivery failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg. confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::FindBar</name>
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
</context>
<context>
    <name>bem::FinishNotifications</name>
    <message>
        <source>bem Call Inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::JsonTreeModel</name>
    <message>
        <source>(value)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{1 field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{%1 fields}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[%1 items]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Pointer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest confidence below: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked invalid by the function (invalidProperties)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters; Copy value copies all of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldConfidences has “%1”, which is not a JSON Pointer (it must start with “/”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldConfidences gives %1 the confidence %2, which is not a number between 0 and 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldConfidences names %1, which is not in the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fieldConfidences gives the whole output the confidence %1; no single field has it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidProperties is %1, not a list of properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidProperties has %1, which is not a property name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidProperties names %1, which is not in the output</source>
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
        <source>No failed function calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo uses its own local API and key.</source>
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
        <source>Copied a curl command for this call (the key is read from $BEM_API_KEY).</source>
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
    <name>bem::NotifyBell</name>
    <message>
        <source>Notify me when it finishes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::OutputViewer</name>
    <message>
        <source>Select an output or an error to see its content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Low confidence only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy JSON &amp;Pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Output as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only fields whose confidence is below %1, and the fields that contain them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no event type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average confidence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the whole event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data problems in this output:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::OutputsPane</name>
    <message>
        <source>This call has no outputs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in &amp;Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the function call that failed in the call tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading outputs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading errors…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::PollerStatus</name>
    <message>
        <source>Status “%1” is not one bem documents: checking every %2 for up to %3 · next in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by you · press F5 to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not refreshing: the call has no status (or not a text one), so there is no telling whether it will change · press F5 to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: status “%1” is not one bem documents and stayed for %2 · press F5 to refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: ended as “%1” %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a turn to refresh…</source>
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
        <source>Find in the response (%1)</source>
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
    <message>
        <source>Show last good response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the response shown exactly as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the last response that was not an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indented, in the order received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A large body (%1): the first %2 is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (beyond the part shown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as… and Copy take this body; the last good response is kept (Show last good response).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as… and Copy take this body.</source>
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
        <source>BEM_API_KEY is set in the environment and is used at start-up. A key saved here takes over at once and replaces it until the app restarts; from then on BEM_API_KEY wins again while it is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: v3, then v2 for calls v3 does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v3 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 only (deprecated by bem)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v3 shows a call&apos;s outputs, errors and trace events. Function-type calls exist on v2 only; Automatic asks v2 once when v3 does not know a call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output fields whose confidence is below this are shown in red and kept by “Low confidence only”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Low confidence below:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key is saved for this environment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Production, Sandbox, EU…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The colour of this environment&apos;s chip on its tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set for this launch by %1, and not saved: change it where it was set. A key typed here is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me when a call that was running finishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bell of a call that was pending or running when opened starts on; each tab&apos;s bell can still be switched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything else the window can do is described in the README, section “Using it”.</source>
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
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::TabEnvironments</name>
    <message>
        <source>The bem environment of this tab (its server and key); it can be changed until a call is loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::TimelineController</name>
    <message>
        <source>← Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the time of the whole call again (Backspace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoom Timeline to Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom Timeline &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Critical Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next on Critical Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous on Critical Path</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::TimelineHeader</name>
    <message>
        <source>no times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 s – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zoomed: %1 – %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::TimelineLayout</name>
    <message>
        <source>0 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 m %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No start or end time: not drawn on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No start time: not drawn on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running, but no end time: only its start is marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its end time is before its start time: only its start is marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time far ahead of this computer&apos;s clock: the bar is cut at the edge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::TracePoller</name>
    <message>
        <source>The trace could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bem::UrlOpenPolicy</name>
    <message>
        <source>This is not a web address (https://…), so it is not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This web address contains a line break, tab or other control character, so it is not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site name or port in this web address is not valid, so it is not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links starting with “%1:” are not opened: only web addresses (https://…) are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This web address names no site, so it is not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link expired on %1 (presigned links work for a limited time). Refresh the call to get a fresh link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link to “%1” is not encrypted (http, not https): anyone on the network could read or change what it loads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link has a user name in it (before “@”), which can disguise where it goes: it opens “%1”.</source>
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
    <name>bem::UserGuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide is missing from this build.</source>
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
<context>
    <name>bem::WindowActions</name>
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
        <source>&amp;Stop Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the request in flight and pause auto-refresh (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Call ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as c&amp;url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a curl command that fetches this call; the key is left as $BEM_API_KEY</source>
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
        <source>&amp;Keyboard Shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User Guide…</source>
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
        <source>&amp;Outputs &amp;&amp; Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
