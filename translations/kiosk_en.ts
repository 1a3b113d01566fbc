<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Standard colours</source>
        <translation>Standard colours</translation>
    </message>
    <message>
        <source>Stronger colours that make the text easier to read.</source>
        <translation>Stronger colours that make the text easier to read.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <source>Reading aloud is on.</source>
        <translation>Reading aloud is on.</translation>
    </message>
    <message>
        <source>Reading aloud is off.</source>
        <translation>Reading aloud is off.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Louder</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Quieter</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>Speaking speed</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Faster</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Slower</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>ESCALATED: nobody is coming to {kiosk}, {place} ({what}).</source>
        <translation>ESCALATED: nobody is coming to {kiosk}, {place} ({what}).</translation>
    </message>
    <message>
        <source>Help call at {kiosk}, {place}: {what}.</source>
        <translation>Help call at {kiosk}, {place}: {what}.</translation>
    </message>
    <message>
        <source>DRILL: {alarm}</source>
        <translation>DRILL: {alarm}</translation>
    </message>
    <message>
        <source>{count} calls are waiting for someone to come.</source>
        <translation>{count} calls are waiting for someone to come.</translation>
    </message>
    <message>
        <source>{kiosk} ({place}) has gone silent: customers there cannot call for help.</source>
        <translation>{kiosk} ({place}) has gone silent: customers there cannot call for help.</translation>
    </message>
</context>
<context>
    <name>AlarmStrip</name>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Silence the alarm sound (the calls stay)</source>
        <translation>Silence the alarm sound (the calls stay)</translation>
    </message>
    <message>
        <source>Sound silenced: the alarm still needs someone.</source>
        <translation>Sound silenced: the alarm still needs someone.</translation>
    </message>
</context>
<context>
    <name>AnnouncementScreen</name>
    <message>
        <source>Notice from the branch</source>
        <translation>Notice from the branch</translation>
    </message>
    <message>
        <source>If you need a person, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;).</extracomment>
        <translation>If you need a person, press &quot;{help}&quot; at the bottom right.</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPanel</name>
    <message>
        <source>Shown</source>
        <translation>Shown</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>another desk</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to send announcements.</source>
        <translation>Sign in (or unlock) to send announcements.</translation>
    </message>
    <message>
        <source>Type the announcement first, in every language you can.</source>
        <translation>Type the announcement first, in every language you can.</translation>
    </message>
    <message>
        <source>Announcement sent.</source>
        <translation>Announcement sent.</translation>
    </message>
    <message>
        <source>Announcement cleared.</source>
        <translation>Announcement cleared.</translation>
    </message>
    <message>
        <source>The announcement was not sent: the hub refused it or did not answer.</source>
        <translation>The announcement was not sent: the hub refused it or did not answer.</translation>
    </message>
    <message>
        <source>No announcement is showing on kiosks and displays.</source>
        <translation>No announcement is showing on kiosks and displays.</translation>
    </message>
    <message>
        <source>Showing on every kiosk and display: {text}</source>
        <translation>Showing on every kiosk and display: {text}</translation>
    </message>
    <message>
        <source>Clear the announcement</source>
        <translation>Clear the announcement</translation>
    </message>
    <message>
        <source>Prepared announcements (sent in every language)</source>
        <translation>Prepared announcements (sent in every language)</translation>
    </message>
    <message>
        <source>Or type one</source>
        <translation>Or type one</translation>
    </message>
    <message>
        <source>Send this announcement</source>
        <translation>Send this announcement</translation>
    </message>
    <message>
        <source>Send the typed announcement</source>
        <translation>Send the typed announcement</translation>
    </message>
    <message>
        <source>Announcements log</source>
        <translation>Announcements log</translation>
    </message>
    <message>
        <source>Prepared announcements</source>
        <translation>Prepared announcements</translation>
    </message>
    <message>
        <source>Text in {language}</source>
        <translation>Text in {language}</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>AnswerScreen</name>
    <message>
        <source>Drag the text up or down with your finger to read more.</source>
        <translation>Drag the text up or down with your finger to read more.</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>Earlier text</source>
        <translation>Earlier text</translation>
    </message>
    <message>
        <source>More text</source>
        <translation>More text</translation>
    </message>
</context>
<context>
    <name>CallChecklists</name>
    <message>
        <source>Go at once and bring the first-aid kit.</source>
        <translation>Go at once and bring the first-aid kit.</translation>
    </message>
    <message>
        <source>Stay with the customer; keep them seated and calm.</source>
        <translation>Stay with the customer; keep them seated and calm.</translation>
    </message>
    <message>
        <source>If they are seriously unwell, call 120 for an ambulance now.</source>
        <translation>If they are seriously unwell, call 120 for an ambulance now.</translation>
    </message>
    <message>
        <source>Tell the lobby manager.</source>
        <translation>Tell the lobby manager.</translation>
    </message>
    <message>
        <source>Tell the customer&apos;s family, with the customer&apos;s agreement.</source>
        <translation>Tell the customer&apos;s family, with the customer&apos;s agreement.</translation>
    </message>
    <message>
        <source>Approach calmly; do not say why you came in front of others.</source>
        <translation>Approach calmly; do not say why you came in front of others.</translation>
    </message>
    <message>
        <source>Invite the customer to talk privately, away from any companion.</source>
        <translation>Invite the customer to talk privately, away from any companion.</translation>
    </message>
    <message>
        <source>Fetch the lobby manager.</source>
        <translation>Fetch the lobby manager.</translation>
    </message>
    <message>
        <source>Hold any large transfer until the customer has talked with you.</source>
        <translation>Hold any large transfer until the customer has talked with you.</translation>
    </message>
    <message>
        <source>If someone is pressuring or threatening the customer, call the police on 110.</source>
        <translation>If someone is pressuring or threatening the customer, call the police on 110.</translation>
    </message>
    <message>
        <source>Go to the kiosk and greet the customer by name if you know it.</source>
        <translation>Go to the kiosk and greet the customer by name if you know it.</translation>
    </message>
    <message>
        <source>Ask what they need; speak slowly and clearly.</source>
        <translation>Ask what they need; speak slowly and clearly.</translation>
    </message>
    <message>
        <source>Offer reading glasses or a magnifier if reading is hard.</source>
        <translation>Offer reading glasses or a magnifier if reading is hard.</translation>
    </message>
    <message>
        <source>Accompany them to the right counter or through the task.</source>
        <translation>Accompany them to the right counter or through the task.</translation>
    </message>
</context>
<context>
    <name>CallsTable</name>
    <message>
        <source>DRILL: {kiosk}</source>
        <extracomment>A drill call&apos;s kiosk column; {kiosk} is the kiosk&apos;s name.</extracomment>
        <translation>DRILL: {kiosk}</translation>
    </message>
    <message>
        <source>{name} was coming but is no longer signed in.</source>
        <extracomment>{name}: staff who pressed &quot;I&apos;m coming&quot; and then signed out or whose desk died.</extracomment>
        <translation>{name} was coming but is no longer signed in.</translation>
    </message>
    <message>
        <source>{desk} confirmed this call and then went silent.</source>
        <extracomment>{desk}: the console(s) that confirmed the call and then stopped sending heartbeats.</extracomment>
        <translation>{desk} confirmed this call and then went silent.</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>ESCALATED (level {level}): nobody is coming yet</source>
        <extracomment>{level} is 1, 2, 3...: how many times the call has escalated.</extracomment>
        <translation>ESCALATED (level {level}): nobody is coming yet</translation>
    </message>
    <message>
        <source>New: not yet confirmed to the customer</source>
        <translation>New: not yet confirmed to the customer</translation>
    </message>
    <message>
        <source>Waiting for someone to come</source>
        <translation>Waiting for someone to come</translation>
    </message>
    <message>
        <source>{name} is with the customer (reminder {level}: close the call when done)</source>
        <extracomment>{name} is a member of staff; {level} counts the reminders.</extracomment>
        <translation>{name} is with the customer (reminder {level}: close the call when done)</translation>
    </message>
    <message>
        <source>{name} is coming (reminder {level}: close the call when done)</source>
        <translation>{name} is coming (reminder {level}: close the call when done)</translation>
    </message>
    <message>
        <source>{name} is with the customer</source>
        <translation>{name} is with the customer</translation>
    </message>
    <message>
        <source>{name} is coming</source>
        <translation>{name} is coming</translation>
    </message>
    <message>
        <source>{name} (also: {others})</source>
        <extracomment>{name}: who is going; {others}: others who also pressed &quot;I&apos;m coming&quot;.</extracomment>
        <translation>{name} (also: {others})</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Who is coming</source>
        <translation>Who is coming</translation>
    </message>
</context>
<context>
    <name>CategoriesScreen</name>
    <message>
        <source>Choose a topic. The answers are shown in large text and read aloud.</source>
        <translation>Choose a topic. The answers are shown in large text and read aloud.</translation>
    </message>
    <message>
        <source>Sorry, the questions and answers cannot be shown just now. Please ask the staff in the lobby.</source>
        <translation>Sorry, the questions and answers cannot be shown just now. Please ask the staff in the lobby.</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
</context>
<context>
    <name>ChoicePages</name>
    <message>
        <source>Previous choices</source>
        <translation>Previous choices</translation>
    </message>
    <message>
        <source>More choices</source>
        <translation>More choices</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <extracomment>Beside the buttons that turn the pages of a list. {page} and {count} are numbers (1, 2).</extracomment>
        <translation>Page {page} of {count}</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Nobody signed in</source>
        <translation>Nobody signed in</translation>
    </message>
    <message>
        <source>Locked: {name}</source>
        <translation>Locked: {name}</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>Signed in: {name}</translation>
    </message>
    <message>
        <source>Not connected to the branch network: calls from kiosks cannot reach this desk. Reconnecting…</source>
        <translation>Not connected to the branch network: calls from kiosks cannot reach this desk. Reconnecting…</translation>
    </message>
    <message>
        <source>Connected. The hub is offline: calls still arrive here, and this desk escalates them itself.</source>
        <translation>Connected. The hub is offline: calls still arrive here, and this desk escalates them itself.</translation>
    </message>
    <message>
        <source>Connected; the hub is online.</source>
        <translation>Connected; the hub is online.</translation>
    </message>
    <message>
        <source>Bank kiosk staff console, version {version}
Desk: {desk} ({device})
Branch: {branch}
Python {python}, Qt {qt}</source>
        <translation>Bank kiosk staff console, version {version}
Desk: {desk} ({device})
Branch: {branch}
Python {python}, Qt {qt}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>This is the only staff console open in the branch. If you close it, help calls from kiosks will reach nobody. Close it anyway?</source>
        <translation>This is the only staff console open in the branch. If you close it, help calls from kiosks will reach nobody. Close it anyway?</translation>
    </message>
    <message>
        <source>{desk}, {branch}: staff console</source>
        <translation>{desk}, {branch}: staff console</translation>
    </message>
    <message>
        <source>{branch}: {desk}</source>
        <translation>{branch}: {desk}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Desk tickets</source>
        <translation>Desk tickets</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>Kiosks</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>Announcements</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>Drills</translation>
    </message>
</context>
<context>
    <name>ConsoleWords</name>
    <message>
        <source>Help (reason not given yet)</source>
        <translation>Help (reason not given yet)</translation>
    </message>
    <message>
        <source>Medical: feels unwell</source>
        <translation>Medical: feels unwell</translation>
    </message>
    <message>
        <source>Special attention: approach calmly</source>
        <translation>Special attention: approach calmly</translation>
    </message>
    <message>
        <source>Needs someone to guide them</source>
        <translation>Needs someone to guide them</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>Other help</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Helped</translation>
    </message>
    <message>
        <source>Medical: ambulance called</source>
        <translation>Medical: ambulance called</translation>
    </message>
    <message>
        <source>Special attention: handled</source>
        <translation>Special attention: handled</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>No help needed</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Drill</translation>
    </message>
    <message>
        <source>The hub no longer knows your sign-in. Please sign in again.</source>
        <translation>The hub no longer knows your sign-in. Please sign in again.</translation>
    </message>
    <message>
        <source>This desk may not do that: a counter calls and closes only its own tickets.</source>
        <translation>This desk may not do that: a counter calls and closes only its own tickets.</translation>
    </message>
    <message>
        <source>The hub refused an old or repeated request. Please try again.</source>
        <translation>The hub refused an old or repeated request. Please try again.</translation>
    </message>
    <message>
        <source>Nobody is waiting for the services of this counter.</source>
        <translation>Nobody is waiting for the services of this counter.</translation>
    </message>
    <message>
        <source>The hub does not know that ticket.</source>
        <translation>The hub does not know that ticket.</translation>
    </message>
    <message>
        <source>That ticket cannot do that now; it may already be finished.</source>
        <translation>That ticket cannot do that now; it may already be finished.</translation>
    </message>
    <message>
        <source>The hub does not know that service.</source>
        <translation>The hub does not know that service.</translation>
    </message>
    <message>
        <source>No service is served at this counter.</source>
        <translation>No service is served at this counter.</translation>
    </message>
    <message>
        <source>The hub does not know that kiosk.</source>
        <translation>The hub does not know that kiosk.</translation>
    </message>
    <message>
        <source>That kiosk cannot run a drill now: a customer is using it, it is offline, or it has an open call.</source>
        <translation>That kiosk cannot run a drill now: a customer is using it, it is offline, or it has an open call.</translation>
    </message>
    <message>
        <source>The hub does not know that prepared message.</source>
        <translation>The hub does not know that prepared message.</translation>
    </message>
    <message>
        <source>No more tickets can be issued for that service today.</source>
        <translation>No more tickets can be issued for that service today.</translation>
    </message>
    <message>
        <source>Wrong PIN, or not a staff member. Try again.</source>
        <translation>Wrong PIN, or not a staff member. Try again.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <extracomment>{seconds} is a whole number of seconds.</extracomment>
        <translation>Too many wrong PINs. Try again in {seconds} seconds.</translation>
    </message>
    <message>
        <source>This person may not sign in here.</source>
        <translation>This person may not sign in here.</translation>
    </message>
    <message>
        <source>That call is not open.</source>
        <translation>That call is not open.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Partly working</source>
        <translation>Partly working</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>Not working</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>A customer is using it</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Staff desk</source>
        <translation>Staff desk</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>Wall display</translation>
    </message>
    <message>
        <source>Branch hub</source>
        <translation>Branch hub</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>DRILL</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{duration} ago</source>
        <extracomment>{duration} is minutes:seconds, e.g. 0:07.</extracomment>
        <translation>{duration} ago</translation>
    </message>
</context>
<context>
    <name>DeskTicketsPanel</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>Not sent: this desk is not connected.</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>The hub did not answer. Look at the queue to see whether it happened.</translation>
    </message>
    <message>
        <source>{number} is back in line.</source>
        <extracomment>{number}: the missed ticket, now waiting again.</extracomment>
        <translation>{number} is back in line.</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. Tell the customer the number.</source>
        <extracomment>{number}: the new ticket; {service}: its service; {ahead}: people before it.</extracomment>
        <translation>Ticket {number} for {service}. People before it: {ahead}. Tell the customer the number.</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. It is printing at {kiosk}.</source>
        <extracomment>{kiosk}: the kiosk that prints the ticket.</extracomment>
        <translation>Ticket {number} for {service}. People before it: {ahead}. It is printing at {kiosk}.</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to issue or return tickets.</source>
        <translation>Sign in (or unlock) to issue or return tickets.</translation>
    </message>
    <message>
        <source>Issue a ticket for a customer at the desk or on the phone</source>
        <translation>Issue a ticket for a customer at the desk or on the phone</translation>
    </message>
    <message>
        <source>Elderly priority</source>
        <translation>Elderly priority</translation>
    </message>
    <message>
        <source>Issue ticket</source>
        <translation>Issue ticket</translation>
    </message>
    <message>
        <source>Missed numbers: called, did not come, not back yet</source>
        <translation>Missed numbers: called, did not come, not back yet</translation>
    </message>
    <message>
        <source>Put back in line</source>
        <translation>Put back in line</translation>
    </message>
    <message>
        <source>Service of the new ticket</source>
        <translation>Service of the new ticket</translation>
    </message>
    <message>
        <source>Where to print the new ticket</source>
        <translation>Where to print the new ticket</translation>
    </message>
    <message>
        <source>Missed numbers</source>
        <translation>Missed numbers</translation>
    </message>
    <message>
        <source>Show at this desk only</source>
        <translation>Show at this desk only</translation>
    </message>
    <message>
        <source>Print at {kiosk}</source>
        <extracomment>{kiosk}: a kiosk&apos;s name, e.g. &quot;Kiosk by the door&quot;.</extracomment>
        <translation>Print at {kiosk}</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <source>Now calling</source>
        <translation>Now calling</translation>
    </message>
    <message>
        <source>Please go to counter {counter}</source>
        <extracomment>Under the newest number on the wall display. {counter} is the counter&apos;s number, e.g. 3.</extracomment>
        <translation>Please go to counter {counter}</translation>
    </message>
    <message>
        <source>Number {number}, please go to counter {counter}.</source>
        <extracomment>Spoken for each called number. {number} is the ticket (A042), {counter} a number (3).</extracomment>
        <translation>Number {number}, please go to counter {counter}.</translation>
    </message>
    <message>
        <source>Called before</source>
        <extracomment>Above the list of numbers called before the newest one on the wall display.</extracomment>
        <translation>Called before</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation>Please wait to be called</translation>
    </message>
    <message>
        <source>Missed your number? Ask in the lobby</source>
        <extracomment>Under the calls on the wall display, before the numbers called that did not come and have not come back (the numbers follow on the next line). Keep it short.</extracomment>
        <translation>Missed your number? Ask in the lobby</translation>
    </message>
    <message>
        <source>Not connected: new calls may not show</source>
        <extracomment>Shown on the wall display while it cannot reach the branch system.</extracomment>
        <translation>Not connected: new calls may not show</translation>
    </message>
</context>
<context>
    <name>DrillsPanel</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Has an open help call</source>
        <translation>Has an open help call</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>A customer is using it</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Confirmed after</source>
        <translation>Confirmed after</translation>
    </message>
    <message>
        <source>&quot;I&apos;m coming&quot; after</source>
        <translation>&quot;I&apos;m coming&quot; after</translation>
    </message>
    <message>
        <source>Arrived after</source>
        <translation>Arrived after</translation>
    </message>
    <message>
        <source>Closed after</source>
        <translation>Closed after</translation>
    </message>
    <message>
        <source>Who came</source>
        <translation>Who came</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>still running</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Ready for a drill?</source>
        <translation>Ready for a drill?</translation>
    </message>
    <message>
        <source>Ready: free and online</source>
        <translation>Ready: free and online</translation>
    </message>
    <message>
        <source>Saved {count} drills to {file}</source>
        <translation>Saved {count} drills to {file}</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to start a drill.</source>
        <translation>Sign in (or unlock) to start a drill.</translation>
    </message>
    <message>
        <source>Drill started on {kiosk}. Answer it like a real call, and close it as a drill.</source>
        <translation>Drill started on {kiosk}. Answer it like a real call, and close it as a drill.</translation>
    </message>
    <message>
        <source>The hub did not answer; no drill was started.</source>
        <translation>The hub did not answer; no drill was started.</translation>
    </message>
    <message>
        <source>A drill raises a practice help call on a free kiosk. Everything happens as for a real call, marked DRILL on every screen, and the drill is kept out of the real figures. A real help call during a drill is still a real call.</source>
        <translation>A drill raises a practice help call on a free kiosk. Everything happens as for a real call, marked DRILL on every screen, and the drill is kept out of the real figures. A real help call during a drill is still a real call.</translation>
    </message>
    <message>
        <source>Start a drill on this kiosk</source>
        <translation>Start a drill on this kiosk</translation>
    </message>
    <message>
        <source>Drills: time of every step after the start</source>
        <translation>Drills: time of every step after the start</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Kiosks for a drill</source>
        <translation>Kiosks for a drill</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <source>How was your visit today?</source>
        <translation>How was your visit today?</translation>
    </message>
    <message>
        <source>You do not have to answer. We do not record who you are.</source>
        <translation>You do not have to answer. We do not record who you are.</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>All right</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>Not good</translation>
    </message>
    <message>
        <source>I&apos;d rather not say</source>
        <translation>I&apos;d rather not say</translation>
    </message>
    <message>
        <source>Thank you for telling us. We hope to see you again.</source>
        <translation>Thank you for telling us. We hope to see you again.</translation>
    </message>
</context>
<context>
    <name>FigureChart</name>
    <message>
        <source>{group}: median {median}, 90% within {p90}</source>
        <translation>{group}: median {median}, 90% within {p90}</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>No calls to show yet.</source>
        <translation>No calls to show yet.</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
</context>
<context>
    <name>FileChoice</name>
    <message>
        <source>Save as CSV</source>
        <translation>Save as CSV</translation>
    </message>
</context>
<context>
    <name>FloatingAlarm</name>
    <message>
        <source>Open the console</source>
        <translation>Open the console</translation>
    </message>
</context>
<context>
    <name>FocusReader</name>
    <message>
        <source>button</source>
        <translation>button</translation>
    </message>
    <message>
        <source>check box</source>
        <translation>check box</translation>
    </message>
    <message>
        <source>option</source>
        <translation>option</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>text field</translation>
    </message>
    <message>
        <source>list of choices</source>
        <translation>list of choices</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>slider</translation>
    </message>
    <message>
        <source>number field</source>
        <translation>number field</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>list item</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>menu item</source>
        <translation>menu item</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
</context>
<context>
    <name>FraudCheckScreen</name>
    <message>
        <source>Before your ticket, a short question ({number} of {count}). Please answer yes or no.</source>
        <extracomment>Above each fraud-check question. {number} is this question&apos;s place (1, 2, 3), {count} how many there are.</extracomment>
        <translation>Before your ticket, a short question ({number} of {count}). Please answer yes or no.</translation>
    </message>
    <message>
        <source>Yes, someone has</source>
        <translation>Yes, someone has</translation>
    </message>
    <message>
        <source>No, nobody has</source>
        <translation>No, nobody has</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Calling staff now</source>
        <translation>Calling staff now</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>Staff have been told</translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <extracomment>{name} is the member of staff who accepted the call, e.g. 李明.</extracomment>
        <translation>{name} is on the way</translation>
    </message>
    <message>
        <source>Staff are on the way</source>
        <translation>Staff are on the way</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>Staff are here</translation>
    </message>
</context>
<context>
    <name>HelpCall</name>
    <message>
        <source>What do you need help with?</source>
        <translation>What do you need help with?</translation>
    </message>
    <message>
        <source>I feel unwell</source>
        <translation>I feel unwell</translation>
    </message>
    <message>
        <source>I&apos;d like to talk to staff privately</source>
        <translation>I&apos;d like to talk to staff privately</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Something else</translation>
    </message>
    <message>
        <source>Staff are being called. Please wait here.</source>
        <translation>Staff are being called. Please wait here.</translation>
    </message>
    <message>
        <source>{name} is coming to help you.</source>
        <extracomment>{name} is the given name of the member of staff who accepted the call.</extracomment>
        <translation>{name} is coming to help you.</translation>
    </message>
    <message>
        <source>A member of staff is coming to help you.</source>
        <translation>A member of staff is coming to help you.</translation>
    </message>
    <message>
        <source>Everyone is busy at the moment. We are still calling for you.</source>
        <translation>Everyone is busy at the moment. We are still calling for you.</translation>
    </message>
    <message>
        <source>I&apos;m fine now</source>
        <translation>I&apos;m fine now</translation>
    </message>
    <message>
        <source>All right. Press “Call staff” whenever you need help.</source>
        <translation>All right. Press “Call staff” whenever you need help.</translation>
    </message>
</context>
<context>
    <name>HelpCallsPanel</name>
    <message>
        <source>Help calls: {open} open, {waiting} waiting for someone to come</source>
        <translation>Help calls: {open} open, {waiting} waiting for someone to come</translation>
    </message>
    <message>
        <source>Select a call to answer it.</source>
        <translation>Select a call to answer it.</translation>
    </message>
    <message>
        <source>{kiosk}, {place}: {what}. Waiting {waited}. {state}.</source>
        <translation>{kiosk}, {place}: {what}. Waiting {waited}. {state}.</translation>
    </message>
    <message>
        <source>{drill}: this is a practice call. {details}</source>
        <translation>{drill}: this is a practice call. {details}</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
    <message>
        <source>The customer pressed &quot;I&apos;m fine now&quot;; someone must still go and close the call.</source>
        <translation>The customer pressed &quot;I&apos;m fine now&quot;; someone must still go and close the call.</translation>
    </message>
    <message>
        <source>You are going. Press &quot;Arrived&quot; when you reach the customer.</source>
        <translation>You are going. Press &quot;Arrived&quot; when you reach the customer.</translation>
    </message>
    <message>
        <source>{name} is going: they pressed &quot;I&apos;m coming&quot; first. You need not go.</source>
        <translation>{name} is going: they pressed &quot;I&apos;m coming&quot; first. You need not go.</translation>
    </message>
    <message>
        <source>{name} is going.</source>
        <translation>{name} is going.</translation>
    </message>
    <message>
        <source>I&apos;m coming too</source>
        <translation>I&apos;m coming too</translation>
    </message>
    <message>
        <source>I&apos;m coming</source>
        <translation>I&apos;m coming</translation>
    </message>
    <message>
        <source>Sign in below to answer calls.</source>
        <translation>Sign in below to answer calls.</translation>
    </message>
    <message>
        <source>This desk is locked: sign in again below to answer.</source>
        <translation>This desk is locked: sign in again below to answer.</translation>
    </message>
    <message>
        <source>No open help calls.</source>
        <translation>No open help calls.</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Close the call…</source>
        <translation>Close the call…</translation>
    </message>
    <message>
        <source>Open help calls</source>
        <translation>Open help calls</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Calling staff</source>
        <translation>Calling staff</translation>
    </message>
    <message>
        <source>You may tell staff more. You do not have to: we are already calling them.</source>
        <translation>You may tell staff more. You do not have to: we are already calling them.</translation>
    </message>
    <message>
        <source>You told staff: {choice}</source>
        <extracomment>{choice} is the text of the choice the customer pressed, e.g. &quot;I feel unwell&quot;.</extracomment>
        <translation>You told staff: {choice}</translation>
    </message>
    <message>
        <source>For staff: close this call</source>
        <translation>For staff: close this call</translation>
    </message>
    <message>
        <source>Yes, I was helped</source>
        <translation>Yes, I was helped</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Please wait here. This screen will tell you when staff have been told.</source>
        <translation>Please wait here. This screen will tell you when staff have been told.</translation>
    </message>
    <message>
        <source>Staff cannot be reached right now</source>
        <translation>Staff cannot be reached right now</translation>
    </message>
    <message>
        <source>Please go to the counter, or ask anyone nearby to help you. We keep calling.</source>
        <translation>Please go to the counter, or ask anyone nearby to help you. We keep calling.</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>Staff have been told</translation>
    </message>
    <message>
        <source>A member of staff will come to you soon. Please wait here.</source>
        <translation>A member of staff will come to you soon. Please wait here.</translation>
    </message>
    <message>
        <source>We are still calling</source>
        <translation>We are still calling</translation>
    </message>
    <message>
        <source>Please sit down if you can. If you feel worse, tell anyone nearby at once.</source>
        <translation>Please sit down if you can. If you feel worse, tell anyone nearby at once.</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>Help is on the way</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>Staff are here</translation>
    </message>
    <message>
        <source>{name} is here to help you.</source>
        <extracomment>{name} is the member of staff who has come to the customer.</extracomment>
        <translation>{name} is here to help you.</translation>
    </message>
    <message>
        <source>A member of staff is here to help you.</source>
        <translation>A member of staff is here to help you.</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Thank you</translation>
    </message>
    <message>
        <source>Thank you for telling us. Press Home to start again.</source>
        <translation>Thank you for telling us. Press Home to start again.</translation>
    </message>
    <message>
        <source>Were you helped?</source>
        <translation>Were you helped?</translation>
    </message>
    <message>
        <source>Please tell us with a button below.</source>
        <translation>Please tell us with a button below.</translation>
    </message>
    <message>
        <source>Thank you. A member of staff will still come to see you.</source>
        <translation>Thank you. A member of staff will still come to see you.</translation>
    </message>
    <message>
        <source>Please sit down if you can.</source>
        <translation>Please sit down if you can.</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>A member of staff will come and go with you.</translation>
    </message>
    <message>
        <source>Practice: staff are practising. This is not a real call for help.</source>
        <translation>Practice: staff are practising. This is not a real call for help.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>Coming</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>still open</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Saved {count} calls to {file}</source>
        <translation>Saved {count} calls to {file}</translation>
    </message>
    <message>
        <source>{count} calls, {drills} drills</source>
        <translation>{count} calls, {drills} drills</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>Past help calls</source>
        <translation>Past help calls</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Welcome to {branch}</source>
        <translation>Welcome to {branch}</translation>
    </message>
    <message>
        <source>Please choose below. If you would like a person to help you, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;): the button is named by its words and its place, never by its colour alone.</extracomment>
        <translation>Please choose below. If you would like a person to help you, press &quot;{help}&quot; at the bottom right.</translation>
    </message>
    <message>
        <source>Staff cannot be reached from this kiosk just now.</source>
        <translation>Staff cannot be reached from this kiosk just now.</translation>
    </message>
    <message>
        <source>If you need help, please go to the counter.</source>
        <translation>If you need help, please go to the counter.</translation>
    </message>
    <message>
        <source>Get a number and wait to be called to a counter.</source>
        <translation>Get a number and wait to be called to a counter.</translation>
    </message>
    <message>
        <source>Answers to common questions, in large text and read aloud.</source>
        <translation>Answers to common questions, in large text and read aloud.</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>A member of staff will come and go with you.</translation>
    </message>
    <message>
        <source>Text size and sound</source>
        <translation>Text size and sound</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>I missed my number</translation>
    </message>
    <message>
        <source>Type the number on your ticket to go back in line.</source>
        <translation>Type the number on your ticket to go back in line.</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Do you need more time?</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <source>If you do, press the button below.</source>
        <translation>If you do, press the button below.</translation>
    </message>
    <message>
        <source>Going back to the start for the next customer.</source>
        <translation>Going back to the start for the next customer.</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in 1 second, for the next customer.</source>
        <translation>If nobody touches the screen, it goes back to the start in 1 second, for the next customer.</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in {seconds} seconds, for the next customer.</source>
        <extracomment>{seconds} is the whole number of seconds left (2 or more), updated as they pass.</extracomment>
        <translation>If nobody touches the screen, it goes back to the start in {seconds} seconds, for the next customer.</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>I need more time</translation>
    </message>
</context>
<context>
    <name>KiosksPanel</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>OFFLINE: gone silent</source>
        <translation>OFFLINE: gone silent</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>Last heard</translation>
    </message>
    <message>
        <source>In use / signed in</source>
        <translation>In use / signed in</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>Stored calls</source>
        <translation>Stored calls</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>went silent (alarm)</source>
        <translation>went silent (alarm)</translation>
    </message>
    <message>
        <source>heard again (alarm over)</source>
        <translation>heard again (alarm over)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Noted: stop the alarm for this kiosk</source>
        <translation>Noted: stop the alarm for this kiosk</translation>
    </message>
    <message>
        <source>A kiosk that goes silent alarms until it is heard again: customers there cannot call for help. Send someone to look, then press &quot;Noted&quot;.</source>
        <translation>A kiosk that goes silent alarms until it is heard again: customers there cannot call for help. Send someone to look, then press &quot;Noted&quot;.</translation>
    </message>
    <message>
        <source>Kiosks gone silent and back</source>
        <translation>Kiosks gone silent and back</translation>
    </message>
    <message>
        <source>Devices of the branch</source>
        <translation>Devices of the branch</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <extracomment>The name of the language of this catalogue, written in that language itself (中文, English, Deutsch). The language switch button shows it.</extracomment>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>LostOfferScreen</name>
    <message>
        <source>Would you like a member of staff to come and help you?</source>
        <translation>Would you like a member of staff to come and help you?</translation>
    </message>
    <message>
        <source>Yes, please</source>
        <translation>Yes, please</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>No, thank you</translation>
    </message>
</context>
<context>
    <name>MagnifierButton</name>
    <message>
        <source>Zoom on</source>
        <translation>Zoom on</translation>
    </message>
    <message>
        <source>Zoom off</source>
        <translation>Zoom off</translation>
    </message>
    <message>
        <source>Touch the screen to see it larger; press here again to stop.</source>
        <translation>Touch the screen to see it larger; press here again to stop.</translation>
    </message>
    <message>
        <source>Makes what you touch larger, like reading glasses.</source>
        <translation>Makes what you touch larger, like reading glasses.</translation>
    </message>
</context>
<context>
    <name>MissedScreen</name>
    <message>
        <source>Your number: {number}</source>
        <extracomment>{number}: what the customer has typed so far, e.g. A05.</extracomment>
        <translation>Your number: {number}</translation>
    </message>
    <message>
        <source>Your number: (not typed yet)</source>
        <translation>Your number: (not typed yet)</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>I missed my number</translation>
    </message>
    <message>
        <source>Type the number on your ticket: first its letter, then its digits. We will put you back in line.</source>
        <translation>Type the number on your ticket: first its letter, then its digits. We will put you back in line.</translation>
    </message>
    <message>
        <source>Letter {letter}</source>
        <extracomment>{letter}: a ticket number&apos;s letter, e.g. A.</extracomment>
        <translation>Letter {letter}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Put me back in line</source>
        <translation>Put me back in line</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Call staff</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>Press here and a member of staff will come to help you.</source>
        <translation>Press here and a member of staff will come to help you.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>Change language</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Say it again</source>
        <translation>Say it again</translation>
    </message>
    <message>
        <source>Scroll up and down</source>
        <extracomment>The scroll bar beside a screen whose words need more room than the panel has.</extracomment>
        <translation>Scroll up and down</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PrintedTicket</name>
    <message>
        <source>Your number</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>Expected wait: {low} to {high} minutes</source>
        <extracomment>{low} and {high} are whole minutes, e.g. &quot;Expected wait: 10 to 20 minutes&quot;.</extracomment>
        <translation>Expected wait: {low} to {high} minutes</translation>
    </message>
    <message>
        <source>Expected wait: up to {high} minutes</source>
        <extracomment>{high} is whole minutes, e.g. &quot;Expected wait: up to 5 minutes&quot;.</extracomment>
        <translation>Expected wait: up to {high} minutes</translation>
    </message>
    <message>
        <source>Nobody is waiting before you.</source>
        <translation>Nobody is waiting before you.</translation>
    </message>
    <message>
        <source>One person is waiting before you.</source>
        <translation>One person is waiting before you.</translation>
    </message>
    <message>
        <source>{count} people are waiting before you.</source>
        <extracomment>{count} is the number of customers waiting before this one now (2 or more).</extracomment>
        <translation>{count} people are waiting before you.</translation>
    </message>
    <message>
        <source>Expected wait: under 1 minute</source>
        <extracomment>The hub&apos;s wait estimate is under one minute.</extracomment>
        <translation>Expected wait: under 1 minute</translation>
    </message>
    <message>
        <source>Expected wait: about {low} minutes</source>
        <extracomment>{low} is whole minutes, e.g. &quot;Expected wait: about 5 minutes&quot;.</extracomment>
        <translation>Expected wait: about {low} minutes</translation>
    </message>
    <message>
        <source>Taken: {date} {time}</source>
        <extracomment>{date} is like 2026-11-27 and {time} like 09:15, when the ticket was taken.</extracomment>
        <translation>Taken: {date} {time}</translation>
    </message>
    <message>
        <source>Scan the code with your phone to see your place in the queue.</source>
        <translation>Scan the code with your phone to see your place in the queue.</translation>
    </message>
    <message>
        <source>Please listen for your number. If you miss it, please ask the staff in the lobby.</source>
        <translation>Please listen for your number. If you miss it, please ask the staff in the lobby.</translation>
    </message>
    <message>
        <source>Ticket {number}</source>
        <extracomment>The printed file&apos;s title, seen by staff in the printer&apos;s job list. {number}: A042.</extracomment>
        <translation>Ticket {number}</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Would you like priority service?</source>
        <translation>Would you like priority service?</translation>
    </message>
    <message>
        <source>Priority service is for elderly customers and for anyone who needs assistance. Just choose, nobody will ask you why.</source>
        <translation>Priority service is for elderly customers and for anyone who needs assistance. Just choose, nobody will ask you why.</translation>
    </message>
    <message>
        <source>Yes, I would like priority service</source>
        <translation>Yes, I would like priority service</translation>
    </message>
    <message>
        <source>No, a normal ticket</source>
        <translation>No, a normal ticket</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Questions and answers</source>
        <translation>Questions and answers</translation>
    </message>
    <message>
        <source>I&apos;m not sure what I need</source>
        <translation>I&apos;m not sure what I need</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>Choose a question.</source>
        <translation>Choose a question.</translation>
    </message>
    <message>
        <source>There are no questions here just now.</source>
        <translation>There are no questions here just now.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>At the counter for</source>
        <translation>At the counter for</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to serve the queue.</source>
        <translation>Sign in (or unlock) to serve the queue.</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>Not sent: this desk is not connected.</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>The hub did not answer. Look at the queue to see whether it happened.</translation>
    </message>
    <message>
        <source>Called {number} to counter {counter}.</source>
        <extracomment>{number}: the ticket called; {counter}: this counter&apos;s number.</extracomment>
        <translation>Called {number} to counter {counter}.</translation>
    </message>
    <message>
        <source>Called {number} again.</source>
        <translation>Called {number} again.</translation>
    </message>
    <message>
        <source>{number} marked as not come.</source>
        <translation>{number} marked as not come.</translation>
    </message>
    <message>
        <source>{number} finished.</source>
        <translation>{number} finished.</translation>
    </message>
    <message>
        <source>{number} moved to {service}.</source>
        <translation>{number} moved to {service}.</translation>
    </message>
    <message>
        <source>Counter {counter}: call the next customer, and close each ticket when done.</source>
        <translation>Counter {counter}: call the next customer, and close each ticket when done.</translation>
    </message>
    <message>
        <source>Lobby desk: counters call customers; from here you can close or move any ticket.</source>
        <translation>Lobby desk: counters call customers; from here you can close or move any ticket.</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>Call next</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>Call again</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Did not come</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Move ticket to this service</source>
        <translation>Move ticket to this service</translation>
    </message>
    <message>
        <source>Waiting, in the order they will be called</source>
        <translation>Waiting, in the order they will be called</translation>
    </message>
    <message>
        <source>At the counter now</source>
        <translation>At the counter now</translation>
    </message>
    <message>
        <source>Waiting tickets by service</source>
        <translation>Waiting tickets by service</translation>
    </message>
    <message>
        <source>Tickets at the counter</source>
        <translation>Tickets at the counter</translation>
    </message>
    <message>
        <source>Service to move the ticket to</source>
        <translation>Service to move the ticket to</translation>
    </message>
</context>
<context>
    <name>QueueTree</name>
    <message>
        <source>Service / ticket</source>
        <translation>Service / ticket</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>{service}: {count} waiting</source>
        <extracomment>{service}: a service&apos;s name; {count}: tickets waiting for it.</extracomment>
        <translation>{service}: {count} waiting</translation>
    </message>
    <message>
        <source>{count} priority</source>
        <translation>{count} priority</translation>
    </message>
    <message>
        <source>★ Priority (elderly)</source>
        <translation>★ Priority (elderly)</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>All right</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Bad</translation>
    </message>
    <message>
        <source>Helped after a call</source>
        <translation>Helped after a call</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>Not helped</translation>
    </message>
    <message>
        <source>Saved {count} rows to {file}</source>
        <translation>Saved {count} rows to {file}</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by kind of call</source>
        <translation>Time to &quot;I&apos;m coming&quot;, by kind of call</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by day</source>
        <translation>Time to &quot;I&apos;m coming&quot;, by day</translation>
    </message>
    <message>
        <source>Wait, by service</source>
        <translation>Wait, by service</translation>
    </message>
    <message>
        <source>Wait, by day</source>
        <translation>Wait, by day</translation>
    </message>
    <message>
        <source>At the counter, by service</source>
        <translation>At the counter, by service</translation>
    </message>
    <message>
        <source>Queue: waiting and service times</source>
        <translation>Queue: waiting and service times</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>What customers said</translation>
    </message>
    <message>
        <source>Response times as CSV…</source>
        <translation>Response times as CSV…</translation>
    </message>
    <message>
        <source>Tickets as CSV…</source>
        <translation>Tickets as CSV…</translation>
    </message>
    <message>
        <source>Queue times as CSV…</source>
        <translation>Queue times as CSV…</translation>
    </message>
    <message>
        <source>Feedback as CSV…</source>
        <translation>Feedback as CSV…</translation>
    </message>
</context>
<context>
    <name>ResolveForm</name>
    <message>
        <source>Close the call</source>
        <translation>Close the call</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <source>Which service do you need?</source>
        <translation>Which service do you need?</translation>
    </message>
    <message>
        <source>Press the service. You will get a ticket with your number.</source>
        <translation>Press the service. You will get a ticket with your number.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Text size and sound</source>
        <translation>Text size and sound</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>Stop reading aloud</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Language: {language}</translation>
    </message>
    <message>
        <source>Text size: large</source>
        <translation>Text size: large</translation>
    </message>
    <message>
        <source>Text size: extra large</source>
        <translation>Text size: extra large</translation>
    </message>
    <message>
        <source>Colours: high contrast</source>
        <translation>Colours: high contrast</translation>
    </message>
    <message>
        <source>Colours: standard</source>
        <translation>Colours: standard</translation>
    </message>
    <message>
        <source>Volume: {level} of {count}</source>
        <extracomment>{level} is the volume step now (1 is the quietest), {count} the number of steps.</extracomment>
        <translation>Volume: {level} of {count}</translation>
    </message>
    <message>
        <source>Speaking speed: slow</source>
        <translation>Speaking speed: slow</translation>
    </message>
    <message>
        <source>Speaking speed: normal</source>
        <translation>Speaking speed: normal</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>{name} (manager)</source>
        <translation>{name} (manager)</translation>
    </message>
    <message>
        <source>The hub did not answer, so the PIN could not be checked. Try again in a moment.</source>
        <translation>The hub did not answer, so the PIN could not be checked. Try again in a moment.</translation>
    </message>
    <message>
        <source>This desk is not connected, so the PIN could not be checked. Help calls still show here.</source>
        <translation>This desk is not connected, so the PIN could not be checked. Help calls still show here.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again.</source>
        <translation>Your sign-in has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>This desk is locked. {name}, enter your PIN to continue, or another person can sign in.</source>
        <translation>This desk is locked. {name}, enter your PIN to continue, or another person can sign in.</translation>
    </message>
    <message>
        <source>Sign in to answer help calls and serve the queue</source>
        <translation>Sign in to answer help calls and serve the queue</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while this desk is locked.</source>
        <translation>Help calls above keep showing and sounding while this desk is locked.</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while nobody is signed in.</source>
        <translation>Help calls above keep showing and sounding while nobody is signed in.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Checking your PIN with the hub…</source>
        <translation>Checking your PIN with the hub…</translation>
    </message>
</context>
<context>
    <name>SoundBanner</name>
    <message>
        <source>This desk cannot sound the alarm ({problem}). Watch this screen for help calls and tell IT.</source>
        <translation>This desk cannot sound the alarm ({problem}). Watch this screen for help calls and tell IT.</translation>
    </message>
    <message>
        <source>Cannot sound the alarm: {desks}. Staff there see calls on screen only.</source>
        <translation>Cannot sound the alarm: {desks}. Staff there see calls on screen only.</translation>
    </message>
</context>
<context>
    <name>StaffClosePanel</name>
    <message>
        <source>For staff: close this call</source>
        <translation>For staff: close this call</translation>
    </message>
    <message>
        <source>How did it end?</source>
        <translation>How did it end?</translation>
    </message>
    <message>
        <source>Customer helped</source>
        <translation>Customer helped</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>No help needed</translation>
    </message>
    <message>
        <source>Ambulance called</source>
        <translation>Ambulance called</translation>
    </message>
    <message>
        <source>The practice is over</source>
        <translation>The practice is over</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>For staff: close the kiosk program</source>
        <translation>For staff: close the kiosk program</translation>
    </message>
    <message>
        <source>Kiosk {kiosk}
Version {version}</source>
        <translation>Kiosk {kiosk}
Version {version}</translation>
    </message>
</context>
<context>
    <name>StaffPinPanel</name>
    <message>
        <source>Thank you.</source>
        <translation>Thank you.</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>That PIN is not right. Please try again.</translation>
    </message>
    <message>
        <source>Too many tries. Please wait {seconds} seconds.</source>
        <extracomment>{seconds} is how long staff must wait before trying again.</extracomment>
        <translation>Too many tries. Please wait {seconds} seconds.</translation>
    </message>
    <message>
        <source>This PIN may not do this. Please ask a manager.</source>
        <translation>This PIN may not do this. Please ask a manager.</translation>
    </message>
    <message>
        <source>This call is already closed.</source>
        <translation>This call is already closed.</translation>
    </message>
    <message>
        <source>The PIN cannot be checked now: the branch server does not answer. Please try again, or use the staff console.</source>
        <translation>The PIN cannot be checked now: the branch server does not answer. Please try again, or use the staff console.</translation>
    </message>
    <message>
        <source>A PIN has {fewest} to {most} digits.</source>
        <extracomment>{fewest} and {most} are the shortest and longest PIN allowed, in digits.</extracomment>
        <translation>A PIN has {fewest} to {most} digits.</translation>
    </message>
    <message>
        <source>Checking the PIN.</source>
        <translation>Checking the PIN.</translation>
    </message>
    <message>
        <source>More names</source>
        <translation>More names</translation>
    </message>
    <message>
        <source>Please choose your name.</source>
        <translation>Please choose your name.</translation>
    </message>
    <message>
        <source>{name}, please type your PIN.</source>
        <extracomment>{name} is the member of staff who is typing their PIN.</extracomment>
        <translation>{name}, please type your PIN.</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>Please take your ticket from the slot below.</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your ticket is being printed.</source>
        <translation>Your ticket is being printed.</translation>
    </message>
    <message>
        <source>Please remember your number: {number}.</source>
        <extracomment>{number} is the ticket number, e.g. A042, repeated so it can be remembered.</extracomment>
        <translation>Please remember your number: {number}.</translation>
    </message>
    <message>
        <source>Please take your ticket below.</source>
        <translation>Please take your ticket below.</translation>
    </message>
    <message>
        <source>Sorry, the ticket could not be printed.</source>
        <translation>Sorry, the ticket could not be printed.</translation>
    </message>
    <message>
        <source>This kiosk cannot reach the ticket system just now.</source>
        <translation>This kiosk cannot reach the ticket system just now.</translation>
    </message>
    <message>
        <source>The ticket system did not answer in time.</source>
        <translation>The ticket system did not answer in time.</translation>
    </message>
    <message>
        <source>This service is closed just now.</source>
        <translation>This service is closed just now.</translation>
    </message>
    <message>
        <source>The branch is not giving out tickets just now.</source>
        <translation>The branch is not giving out tickets just now.</translation>
    </message>
    <message>
        <source>There are no more tickets for this service today.</source>
        <translation>There are no more tickets for this service today.</translation>
    </message>
    <message>
        <source>This service cannot be chosen here today.</source>
        <translation>This service cannot be chosen here today.</translation>
    </message>
    <message>
        <source>That number was not missed today, or it is already back in line. Please ask in the lobby.</source>
        <translation>That number was not missed today, or it is already back in line. Please ask in the lobby.</translation>
    </message>
    <message>
        <source>No ticket could be given out.</source>
        <translation>No ticket could be given out.</translation>
    </message>
    <message>
        <source>Please wait a moment. Your ticket is on its way.</source>
        <translation>Please wait a moment. Your ticket is on its way.</translation>
    </message>
    <message>
        <source>Sorry, we could not give you a ticket.</source>
        <translation>Sorry, we could not give you a ticket.</translation>
    </message>
    <message>
        <source>{number}</source>
        <extracomment>The ticket number alone, in huge type on the ticket screen. {number} is like A042; in Chinese it is written with 号 after it.</extracomment>
        <translation>{number}</translation>
    </message>
    <message>
        <source>Please keep your ticket. Staff will serve you at the counter.</source>
        <translation>Please keep your ticket. Staff will serve you at the counter.</translation>
    </message>
    <message>
        <source>Scan it with your phone to follow the queue.</source>
        <translation>Scan it with your phone to follow the queue.</translation>
    </message>
    <message>
        <source>Please go to the counter. Staff there will give you a number.</source>
        <translation>Please go to the counter. Staff there will give you a number.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>I&apos;m finished</source>
        <translation>I&apos;m finished</translation>
    </message>
</context>
<context>
    <name>WaitAlertStrip</name>
    <message>
        <source>{number} has waited {minutes} minutes.</source>
        <extracomment>{number}: an elderly priority ticket, e.g. A005; {minutes}: whole minutes.</extracomment>
        <translation>{number} has waited {minutes} minutes.</translation>
    </message>
    <message>
        <source>Please see to them in the lobby.</source>
        <translation>Please see to them in the lobby.</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <source>Hide the waiting-time note</source>
        <translation>Hide the waiting-time note</translation>
    </message>
    <message>
        <source>Long waits of elderly priority tickets</source>
        <translation>Long waits of elderly priority tickets</translation>
    </message>
</context>
</TS>
