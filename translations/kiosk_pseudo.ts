<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Text size</source>
        <translation>[Téxt sîzé ·]</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>[Làrgér téxt ··]</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>[Smàllér téxt ··]</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>[Hîgh çöñtràst ···]</translation>
    </message>
    <message>
        <source>Standard colours</source>
        <translation>[Stàñđàrđ çölöürs ····]</translation>
    </message>
    <message>
        <source>Stronger colours that make the text easier to read.</source>
        <translation>[Ströñgér çölöürs thàt màké thé téxt éàsîér tö réàđ. ········ ·········]</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>[Réàđ àlöüđ ·]</translation>
    </message>
    <message>
        <source>Reading aloud is on.</source>
        <translation>[Réàđîñg àlöüđ îs öñ. ·····]</translation>
    </message>
    <message>
        <source>Reading aloud is off.</source>
        <translation>[Réàđîñg àlöüđ îs öff. ······]</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>[Völümé ·]</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>[Löüđér ·]</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>[Qüîétér ·]</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>[Spéàkîñg spééđ ···]</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>[Fàstér ·]</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>[Slöwér ·]</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>ESCALATED: nobody is coming to {kiosk}, {place} ({what}).</source>
        <translation>[ÉSÇÀLÀTÉĐ: ñöböđý îs çömîñg tö {kiosk}, {place} ({what}). ········ ········ ··]</translation>
    </message>
    <message>
        <source>Help call at {kiosk}, {place}: {what}.</source>
        <translation>[Hélp çàll àt {kiosk}, {place}: {what}. ········ ····]</translation>
    </message>
    <message>
        <source>DRILL: {alarm}</source>
        <translation>[ĐRÎLL: {alarm} ···]</translation>
    </message>
    <message>
        <source>{count} calls are waiting for someone to come.</source>
        <translation>[{count} çàlls àré wàîtîñg för söméöñé tö çömé. ········ ·······]</translation>
    </message>
    <message>
        <source>{kiosk} ({place}) has gone silent: customers there cannot call for help.</source>
        <translation>[{kiosk} ({place}) hàs göñé sîléñt: çüstömérs théré çàññöt çàll för hélp. ········ ········ ········]</translation>
    </message>
</context>
<context>
    <name>AlarmStrip</name>
    <message>
        <source>Silence</source>
        <translation>[Sîléñçé ·]</translation>
    </message>
    <message>
        <source>Silence the alarm sound (the calls stay)</source>
        <translation>[Sîléñçé thé àlàrm söüñđ (thé çàlls stàý) ········ ····]</translation>
    </message>
    <message>
        <source>Sound silenced: the alarm still needs someone.</source>
        <translation>[Söüñđ sîléñçéđ: thé àlàrm stîll ñééđs söméöñé. ········ ·······]</translation>
    </message>
</context>
<context>
    <name>AnnouncementScreen</name>
    <message>
        <source>Notice from the branch</source>
        <translation>[Ñötîçé fröm thé bràñçh ······]</translation>
    </message>
    <message>
        <source>If you need a person, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;).</extracomment>
        <translation>[Îf ýöü ñééđ à pérsöñ, préss &quot;{help}&quot; àt thé böttöm rîght. ········ ········ ··]</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPanel</name>
    <message>
        <source>Shown</source>
        <translation>[Shöwñ ·]</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>[Çléàréđ ·]</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>[àñöthér đésk ··]</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>[Tîmé ·]</translation>
    </message>
    <message>
        <source>What</source>
        <translation>[Whàt ·]</translation>
    </message>
    <message>
        <source>By</source>
        <translation>[Bý ·]</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>[Téxt ·]</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to send announcements.</source>
        <translation>[Sîgñ îñ (ör üñlöçk) tö séñđ àññöüñçéméñts. ········ ·····]</translation>
    </message>
    <message>
        <source>Type the announcement first, in every language you can.</source>
        <translation>[Týpé thé àññöüñçéméñt fîrst, îñ évérý làñgüàgé ýöü çàñ. ········ ········ ·]</translation>
    </message>
    <message>
        <source>Announcement sent.</source>
        <translation>[Àññöüñçéméñt séñt. ·····]</translation>
    </message>
    <message>
        <source>Announcement cleared.</source>
        <translation>[Àññöüñçéméñt çléàréđ. ······]</translation>
    </message>
    <message>
        <source>The announcement was not sent: the hub refused it or did not answer.</source>
        <translation>[Thé àññöüñçéméñt wàs ñöt séñt: thé hüb réfüséđ ît ör đîđ ñöt àñswér. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>No announcement is showing on kiosks and displays.</source>
        <translation>[Ñö àññöüñçéméñt îs shöwîñg öñ kîösks àñđ đîsplàýs. ········ ········]</translation>
    </message>
    <message>
        <source>Showing on every kiosk and display: {text}</source>
        <translation>[Shöwîñg öñ évérý kîösk àñđ đîsplàý: {text} ········ ·····]</translation>
    </message>
    <message>
        <source>Clear the announcement</source>
        <translation>[Çléàr thé àññöüñçéméñt ······]</translation>
    </message>
    <message>
        <source>Prepared announcements (sent in every language)</source>
        <translation>[Prépàréđ àññöüñçéméñts (séñt îñ évérý làñgüàgé) ········ ·······]</translation>
    </message>
    <message>
        <source>Or type one</source>
        <translation>[Ör týpé öñé ··]</translation>
    </message>
    <message>
        <source>Send this announcement</source>
        <translation>[Séñđ thîs àññöüñçéméñt ······]</translation>
    </message>
    <message>
        <source>Send the typed announcement</source>
        <translation>[Séñđ thé týpéđ àññöüñçéméñt ········]</translation>
    </message>
    <message>
        <source>Announcements log</source>
        <translation>[Àññöüñçéméñts lög ····]</translation>
    </message>
    <message>
        <source>Prepared announcements</source>
        <translation>[Prépàréđ àññöüñçéméñts ······]</translation>
    </message>
    <message>
        <source>Text in {language}</source>
        <translation>[Téxt îñ {language} ·····]</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>[Çhîñésé ·]</translation>
    </message>
    <message>
        <source>English</source>
        <translation>[Éñglîsh ·]</translation>
    </message>
</context>
<context>
    <name>AnswerScreen</name>
    <message>
        <source>Drag the text up or down with your finger to read more.</source>
        <translation>[Đràg thé téxt üp ör đöwñ wîth ýöür fîñgér tö réàđ möré. ········ ········ ·]</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>[Réàđ àgàîñ ·]</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>[Stöp réàđîñg ··]</translation>
    </message>
    <message>
        <source>Earlier text</source>
        <translation>[Éàrlîér téxt ··]</translation>
    </message>
    <message>
        <source>More text</source>
        <translation>[Möré téxt ·]</translation>
    </message>
</context>
<context>
    <name>CallChecklists</name>
    <message>
        <source>Go at once and bring the first-aid kit.</source>
        <translation>[Gö àt öñçé àñđ brîñg thé fîrst-àîđ kît. ········ ····]</translation>
    </message>
    <message>
        <source>Stay with the customer; keep them seated and calm.</source>
        <translation>[Stàý wîth thé çüstömér; kéép thém séàtéđ àñđ çàlm. ········ ········]</translation>
    </message>
    <message>
        <source>If they are seriously unwell, call 120 for an ambulance now.</source>
        <translation>[Îf théý àré sérîöüslý üñwéll, çàll 120 för àñ àmbülàñçé ñöw. ········ ········ ···]</translation>
    </message>
    <message>
        <source>Tell the lobby manager.</source>
        <translation>[Téll thé löbbý màñàgér. ·······]</translation>
    </message>
    <message>
        <source>Tell the customer&apos;s family, with the customer&apos;s agreement.</source>
        <translation>[Téll thé çüstömér&apos;s fàmîlý, wîth thé çüstömér&apos;s àgrééméñt. ········ ········ ···]</translation>
    </message>
    <message>
        <source>Approach calmly; do not say why you came in front of others.</source>
        <translation>[Àppröàçh çàlmlý; đö ñöt sàý whý ýöü çàmé îñ fröñt öf öthérs. ········ ········ ···]</translation>
    </message>
    <message>
        <source>Invite the customer to talk privately, away from any companion.</source>
        <translation>[Îñvîté thé çüstömér tö tàlk prîvàtélý, àwàý fröm àñý çömpàñîöñ. ········ ········ ·····]</translation>
    </message>
    <message>
        <source>Fetch the lobby manager.</source>
        <translation>[Fétçh thé löbbý màñàgér. ·······]</translation>
    </message>
    <message>
        <source>Hold any large transfer until the customer has talked with you.</source>
        <translation>[Hölđ àñý làrgé tràñsfér üñtîl thé çüstömér hàs tàlkéđ wîth ýöü. ········ ········ ·····]</translation>
    </message>
    <message>
        <source>If someone is pressuring or threatening the customer, call the police on 110.</source>
        <translation>[Îf söméöñé îs préssürîñg ör thréàtéñîñg thé çüstömér, çàll thé pölîçé öñ 110. ········ ········ ········ ·]</translation>
    </message>
    <message>
        <source>Go to the kiosk and greet the customer by name if you know it.</source>
        <translation>[Gö tö thé kîösk àñđ gréét thé çüstömér bý ñàmé îf ýöü kñöw ît. ········ ········ ····]</translation>
    </message>
    <message>
        <source>Ask what they need; speak slowly and clearly.</source>
        <translation>[Àsk whàt théý ñééđ; spéàk slöwlý àñđ çléàrlý. ········ ······]</translation>
    </message>
    <message>
        <source>Offer reading glasses or a magnifier if reading is hard.</source>
        <translation>[Öffér réàđîñg glàssés ör à màgñîfîér îf réàđîñg îs hàrđ. ········ ········ ··]</translation>
    </message>
    <message>
        <source>Accompany them to the right counter or through the task.</source>
        <translation>[Àççömpàñý thém tö thé rîght çöüñtér ör thröügh thé tàsk. ········ ········ ··]</translation>
    </message>
</context>
<context>
    <name>CallsTable</name>
    <message>
        <source>DRILL: {kiosk}</source>
        <extracomment>A drill call&apos;s kiosk column; {kiosk} is the kiosk&apos;s name.</extracomment>
        <translation>[ĐRÎLL: {kiosk} ···]</translation>
    </message>
    <message>
        <source>{name} was coming but is no longer signed in.</source>
        <extracomment>{name}: staff who pressed &quot;I&apos;m coming&quot; and then signed out or whose desk died.</extracomment>
        <translation>[{name} wàs çömîñg büt îs ñö löñgér sîgñéđ îñ. ········ ······]</translation>
    </message>
    <message>
        <source>{desk} confirmed this call and then went silent.</source>
        <extracomment>{desk}: the console(s) that confirmed the call and then stopped sending heartbeats.</extracomment>
        <translation>[{desk} çöñfîrméđ thîs çàll àñđ théñ wéñt sîléñt. ········ ········]</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>[Çlöséđ ·]</translation>
    </message>
    <message>
        <source>ESCALATED (level {level}): nobody is coming yet</source>
        <extracomment>{level} is 1, 2, 3...: how many times the call has escalated.</extracomment>
        <translation>[ÉSÇÀLÀTÉĐ (lévél {level}): ñöböđý îs çömîñg ýét ········ ·······]</translation>
    </message>
    <message>
        <source>New: not yet confirmed to the customer</source>
        <translation>[Ñéw: ñöt ýét çöñfîrméđ tö thé çüstömér ········ ····]</translation>
    </message>
    <message>
        <source>Waiting for someone to come</source>
        <translation>[Wàîtîñg för söméöñé tö çömé ········]</translation>
    </message>
    <message>
        <source>{name} is with the customer (reminder {level}: close the call when done)</source>
        <extracomment>{name} is a member of staff; {level} counts the reminders.</extracomment>
        <translation>[{name} îs wîth thé çüstömér (rémîñđér {level}: çlösé thé çàll whéñ đöñé) ········ ········ ········]</translation>
    </message>
    <message>
        <source>{name} is coming (reminder {level}: close the call when done)</source>
        <translation>[{name} îs çömîñg (rémîñđér {level}: çlösé thé çàll whéñ đöñé) ········ ········ ····]</translation>
    </message>
    <message>
        <source>{name} is with the customer</source>
        <translation>[{name} îs wîth thé çüstömér ········]</translation>
    </message>
    <message>
        <source>{name} is coming</source>
        <translation>[{name} îs çömîñg ····]</translation>
    </message>
    <message>
        <source>{name} (also: {others})</source>
        <extracomment>{name}: who is going; {others}: others who also pressed &quot;I&apos;m coming&quot;.</extracomment>
        <translation>[{name} (àlsö: {others}) ·······]</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>[Kîösk ·]</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>[Whéré ·]</translation>
    </message>
    <message>
        <source>What</source>
        <translation>[Whàt ·]</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>[Wàîtîñg ·]</translation>
    </message>
    <message>
        <source>State</source>
        <translation>[Stàté ·]</translation>
    </message>
    <message>
        <source>Who is coming</source>
        <translation>[Whö îs çömîñg ···]</translation>
    </message>
</context>
<context>
    <name>CategoriesScreen</name>
    <message>
        <source>Choose a topic. The answers are shown in large text and read aloud.</source>
        <translation>[Çhöösé à töpîç. Thé àñswérs àré shöwñ îñ làrgé téxt àñđ réàđ àlöüđ. ········ ········ ······]</translation>
    </message>
    <message>
        <source>Sorry, the questions and answers cannot be shown just now. Please ask the staff in the lobby.</source>
        <translation>[Sörrý, thé qüéstîöñs àñđ àñswérs çàññöt bé shöwñ jüst ñöw. Pléàsé àsk thé stàff îñ thé löbbý. ········ ········ ········ ········]</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>What to do</source>
        <translation>[Whàt tö đö ·]</translation>
    </message>
</context>
<context>
    <name>ChoicePages</name>
    <message>
        <source>Previous choices</source>
        <translation>[Prévîöüs çhöîçés ····]</translation>
    </message>
    <message>
        <source>More choices</source>
        <translation>[Möré çhöîçés ··]</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <extracomment>Beside the buttons that turn the pages of a list. {page} and {count} are numbers (1, 2).</extracomment>
        <translation>[Pàgé {page} öf {count} ······]</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Nobody signed in</source>
        <translation>[Ñöböđý sîgñéđ îñ ····]</translation>
    </message>
    <message>
        <source>Locked: {name}</source>
        <translation>[Löçkéđ: {name} ···]</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>[Sîgñéđ îñ: {name} ····]</translation>
    </message>
    <message>
        <source>Not connected to the branch network: calls from kiosks cannot reach this desk. Reconnecting…</source>
        <translation>[Ñöt çöññéçtéđ tö thé bràñçh ñétwörk: çàlls fröm kîösks çàññöt réàçh thîs đésk. Réçöññéçtîñg… ········ ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Connected. The hub is offline: calls still arrive here, and this desk escalates them itself.</source>
        <translation>[Çöññéçtéđ. Thé hüb îs öfflîñé: çàlls stîll àrrîvé héré, àñđ thîs đésk ésçàlàtés thém îtsélf. ········ ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Connected; the hub is online.</source>
        <translation>[Çöññéçtéđ; thé hüb îs öñlîñé. ·········]</translation>
    </message>
    <message>
        <source>Bank kiosk staff console, version {version}
Desk: {desk} ({device})
Branch: {branch}
Python {python}, Qt {qt}</source>
        <translation>[Bàñk kîösk stàff çöñsölé, vérsîöñ {version}
Đésk: {desk} ({device})
Bràñçh: {branch}
Pýthöñ {python}, Qt {qt} ········ ········ ········ ········ ·····]</translation>
    </message>
    <message>
        <source>About</source>
        <translation>[Àböüt ·]</translation>
    </message>
    <message>
        <source>This is the only staff console open in the branch. If you close it, help calls from kiosks will reach nobody. Close it anyway?</source>
        <translation>[Thîs îs thé öñlý stàff çöñsölé öpéñ îñ thé bràñçh. Îf ýöü çlösé ît, hélp çàlls fröm kîösks wîll réàçh ñöböđý. Çlösé ît àñýwàý? ········ ········ ········ ········ ········ ···]</translation>
    </message>
    <message>
        <source>{desk}, {branch}: staff console</source>
        <translation>[{desk}, {branch}: stàff çöñsölé ········ ·]</translation>
    </message>
    <message>
        <source>{branch}: {desk}</source>
        <translation>[{branch}: {desk} ····]</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>[Löçk ·]</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>[Sîgñ öüt ·]</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>[Çhàñgé làñgüàgé ···]</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>[Qüéüé ·]</translation>
    </message>
    <message>
        <source>Desk tickets</source>
        <translation>[Đésk tîçkéts ··]</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>[Kîösks ·]</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>[Àññöüñçéméñts ···]</translation>
    </message>
    <message>
        <source>History</source>
        <translation>[Hîstörý ·]</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>[Répörts ·]</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>[Đrîlls ·]</translation>
    </message>
</context>
<context>
    <name>ConsoleWords</name>
    <message>
        <source>Help (reason not given yet)</source>
        <translation>[Hélp (réàsöñ ñöt gîvéñ ýét) ········]</translation>
    </message>
    <message>
        <source>Medical: feels unwell</source>
        <translation>[Méđîçàl: fééls üñwéll ······]</translation>
    </message>
    <message>
        <source>Special attention: approach calmly</source>
        <translation>[Spéçîàl àttéñtîöñ: àppröàçh çàlmlý ········ ··]</translation>
    </message>
    <message>
        <source>Needs someone to guide them</source>
        <translation>[Ñééđs söméöñé tö güîđé thém ········]</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>[Öthér hélp ·]</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>[Hélpéđ ·]</translation>
    </message>
    <message>
        <source>Medical: ambulance called</source>
        <translation>[Méđîçàl: àmbülàñçé çàlléđ ·······]</translation>
    </message>
    <message>
        <source>Special attention: handled</source>
        <translation>[Spéçîàl àttéñtîöñ: hàñđléđ ········]</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>[Ñö hélp ñééđéđ ···]</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>[Đrîll ·]</translation>
    </message>
    <message>
        <source>The hub no longer knows your sign-in. Please sign in again.</source>
        <translation>[Thé hüb ñö löñgér kñöws ýöür sîgñ-îñ. Pléàsé sîgñ îñ àgàîñ. ········ ········ ···]</translation>
    </message>
    <message>
        <source>This desk may not do that: a counter calls and closes only its own tickets.</source>
        <translation>[Thîs đésk màý ñöt đö thàt: à çöüñtér çàlls àñđ çlösés öñlý îts öwñ tîçkéts. ········ ········ ·········]</translation>
    </message>
    <message>
        <source>The hub refused an old or repeated request. Please try again.</source>
        <translation>[Thé hüb réfüséđ àñ ölđ ör répéàtéđ réqüést. Pléàsé trý àgàîñ. ········ ········ ····]</translation>
    </message>
    <message>
        <source>Nobody is waiting for the services of this counter.</source>
        <translation>[Ñöböđý îs wàîtîñg för thé sérvîçés öf thîs çöüñtér. ········ ·········]</translation>
    </message>
    <message>
        <source>The hub does not know that ticket.</source>
        <translation>[Thé hüb đöés ñöt kñöw thàt tîçkét. ········ ··]</translation>
    </message>
    <message>
        <source>That ticket cannot do that now; it may already be finished.</source>
        <translation>[Thàt tîçkét çàññöt đö thàt ñöw; ît màý àlréàđý bé fîñîshéđ. ········ ········ ···]</translation>
    </message>
    <message>
        <source>The hub does not know that service.</source>
        <translation>[Thé hüb đöés ñöt kñöw thàt sérvîçé. ········ ··]</translation>
    </message>
    <message>
        <source>No service is served at this counter.</source>
        <translation>[Ñö sérvîçé îs sérvéđ àt thîs çöüñtér. ········ ···]</translation>
    </message>
    <message>
        <source>The hub does not know that kiosk.</source>
        <translation>[Thé hüb đöés ñöt kñöw thàt kîösk. ········ ··]</translation>
    </message>
    <message>
        <source>That kiosk cannot run a drill now: a customer is using it, it is offline, or it has an open call.</source>
        <translation>[Thàt kîösk çàññöt rüñ à đrîll ñöw: à çüstömér îs üsîñg ît, ît îs öfflîñé, ör ît hàs àñ öpéñ çàll. ········ ········ ········ ·········]</translation>
    </message>
    <message>
        <source>The hub does not know that prepared message.</source>
        <translation>[Thé hüb đöés ñöt kñöw thàt prépàréđ méssàgé. ········ ······]</translation>
    </message>
    <message>
        <source>No more tickets can be issued for that service today.</source>
        <translation>[Ñö möré tîçkéts çàñ bé îssüéđ för thàt sérvîçé töđàý. ········ ········ ·]</translation>
    </message>
    <message>
        <source>Wrong PIN, or not a staff member. Try again.</source>
        <translation>[Wröñg PÎÑ, ör ñöt à stàff mémbér. Trý àgàîñ. ········ ······]</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <extracomment>{seconds} is a whole number of seconds.</extracomment>
        <translation>[Töö màñý wröñg PÎÑs. Trý àgàîñ îñ {seconds} séçöñđs. ········ ·········]</translation>
    </message>
    <message>
        <source>This person may not sign in here.</source>
        <translation>[Thîs pérsöñ màý ñöt sîgñ îñ héré. ········ ··]</translation>
    </message>
    <message>
        <source>That call is not open.</source>
        <translation>[Thàt çàll îs ñöt öpéñ. ······]</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>[ÖK ·]</translation>
    </message>
    <message>
        <source>Partly working</source>
        <translation>[Pàrtlý wörkîñg ···]</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>[Ñöt wörkîñg ··]</translation>
    </message>
    <message>
        <source>None</source>
        <translation>[Ñöñé ·]</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>[Fréé ·]</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>[À çüstömér îs üsîñg ît ······]</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>[Kîösk ·]</translation>
    </message>
    <message>
        <source>Staff desk</source>
        <translation>[Stàff đésk ·]</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>[Wàll đîsplàý ··]</translation>
    </message>
    <message>
        <source>Branch hub</source>
        <translation>[Bràñçh hüb ·]</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>[ĐRÎLL ·]</translation>
    </message>
    <message>
        <source>never</source>
        <translation>[ñévér ·]</translation>
    </message>
    <message>
        <source>{duration} ago</source>
        <extracomment>{duration} is minutes:seconds, e.g. 0:07.</extracomment>
        <translation>[{duration} àgö ···]</translation>
    </message>
</context>
<context>
    <name>DeskTicketsPanel</name>
    <message>
        <source>Ticket</source>
        <translation>[Tîçkét ·]</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>[Sérvîçé ·]</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>[Ñöt séñt: thîs đésk îs ñöt çöññéçtéđ. ········ ···]</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>[Thé hüb đîđ ñöt àñswér. Löök àt thé qüéüé tö séé whéthér ît hàppéñéđ. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>{number} is back in line.</source>
        <extracomment>{number}: the missed ticket, now waiting again.</extracomment>
        <translation>[{number} îs bàçk îñ lîñé. ·······]</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. Tell the customer the number.</source>
        <extracomment>{number}: the new ticket; {service}: its service; {ahead}: people before it.</extracomment>
        <translation>[Tîçkét {number} för {service}. Péöplé béföré ît: {ahead}. Téll thé çüstömér thé ñümbér. ········ ········ ········ ·····]</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. It is printing at {kiosk}.</source>
        <extracomment>{kiosk}: the kiosk that prints the ticket.</extracomment>
        <translation>[Tîçkét {number} för {service}. Péöplé béföré ît: {ahead}. Ît îs prîñtîñg àt {kiosk}. ········ ········ ········ ····]</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to issue or return tickets.</source>
        <translation>[Sîgñ îñ (ör üñlöçk) tö îssüé ör rétürñ tîçkéts. ········ ·······]</translation>
    </message>
    <message>
        <source>Issue a ticket for a customer at the desk or on the phone</source>
        <translation>[Îssüé à tîçkét för à çüstömér àt thé đésk ör öñ thé phöñé ········ ········ ··]</translation>
    </message>
    <message>
        <source>Elderly priority</source>
        <translation>[Élđérlý prîörîtý ····]</translation>
    </message>
    <message>
        <source>Issue ticket</source>
        <translation>[Îssüé tîçkét ··]</translation>
    </message>
    <message>
        <source>Missed numbers: called, did not come, not back yet</source>
        <translation>[Mîsséđ ñümbérs: çàlléđ, đîđ ñöt çömé, ñöt bàçk ýét ········ ········]</translation>
    </message>
    <message>
        <source>Put back in line</source>
        <translation>[Püt bàçk îñ lîñé ····]</translation>
    </message>
    <message>
        <source>Service of the new ticket</source>
        <translation>[Sérvîçé öf thé ñéw tîçkét ·······]</translation>
    </message>
    <message>
        <source>Where to print the new ticket</source>
        <translation>[Whéré tö prîñt thé ñéw tîçkét ·········]</translation>
    </message>
    <message>
        <source>Missed numbers</source>
        <translation>[Mîsséđ ñümbérs ···]</translation>
    </message>
    <message>
        <source>Show at this desk only</source>
        <translation>[Shöw àt thîs đésk öñlý ······]</translation>
    </message>
    <message>
        <source>Print at {kiosk}</source>
        <extracomment>{kiosk}: a kiosk&apos;s name, e.g. &quot;Kiosk by the door&quot;.</extracomment>
        <translation>[Prîñt àt {kiosk} ····]</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <source>Now calling</source>
        <translation>[Ñöw çàllîñg ··]</translation>
    </message>
    <message>
        <source>Please go to counter {counter}</source>
        <extracomment>Under the newest number on the wall display. {counter} is the counter&apos;s number, e.g. 3.</extracomment>
        <translation>[Pléàsé gö tö çöüñtér {counter} ·········]</translation>
    </message>
    <message>
        <source>Number {number}, please go to counter {counter}.</source>
        <extracomment>Spoken for each called number. {number} is the ticket (A042), {counter} a number (3).</extracomment>
        <translation>[Ñümbér {number}, pléàsé gö tö çöüñtér {counter}. ········ ········]</translation>
    </message>
    <message>
        <source>Called before</source>
        <extracomment>Above the list of numbers called before the newest one on the wall display.</extracomment>
        <translation>[Çàlléđ béföré ···]</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>[Ñötîçé ·]</translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation>[Pléàsé wàît tö bé çàlléđ ·······]</translation>
    </message>
    <message>
        <source>Missed your number? Ask in the lobby</source>
        <extracomment>Under the calls on the wall display, before the numbers called that did not come and have not come back (the numbers follow on the next line). Keep it short.</extracomment>
        <translation>[Mîsséđ ýöür ñümbér? Àsk îñ thé löbbý ········ ···]</translation>
    </message>
    <message>
        <source>Not connected: new calls may not show</source>
        <extracomment>Shown on the wall display while it cannot reach the branch system.</extracomment>
        <translation>[Ñöt çöññéçtéđ: ñéw çàlls màý ñöt shöw ········ ···]</translation>
    </message>
</context>
<context>
    <name>DrillsPanel</name>
    <message>
        <source>Offline</source>
        <translation>[Öfflîñé ·]</translation>
    </message>
    <message>
        <source>Has an open help call</source>
        <translation>[Hàs àñ öpéñ hélp çàll ······]</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>[À çüstömér îs üsîñg ît ······]</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>[Stàrtéđ ·]</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>[Kîösk ·]</translation>
    </message>
    <message>
        <source>Confirmed after</source>
        <translation>[Çöñfîrméđ àftér ···]</translation>
    </message>
    <message>
        <source>&quot;I&apos;m coming&quot; after</source>
        <translation>[&quot;Î&apos;m çömîñg&quot; àftér ·····]</translation>
    </message>
    <message>
        <source>Arrived after</source>
        <translation>[Àrrîvéđ àftér ···]</translation>
    </message>
    <message>
        <source>Closed after</source>
        <translation>[Çlöséđ àftér ··]</translation>
    </message>
    <message>
        <source>Who came</source>
        <translation>[Whö çàmé ·]</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>[Résült ·]</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>[stîll rüññîñg ···]</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>[Whéré ·]</translation>
    </message>
    <message>
        <source>Ready for a drill?</source>
        <translation>[Réàđý för à đrîll? ·····]</translation>
    </message>
    <message>
        <source>Ready: free and online</source>
        <translation>[Réàđý: fréé àñđ öñlîñé ······]</translation>
    </message>
    <message>
        <source>Saved {count} drills to {file}</source>
        <translation>[Sàvéđ {count} đrîlls tö {file} ·········]</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to start a drill.</source>
        <translation>[Sîgñ îñ (ör üñlöçk) tö stàrt à đrîll. ········ ···]</translation>
    </message>
    <message>
        <source>Drill started on {kiosk}. Answer it like a real call, and close it as a drill.</source>
        <translation>[Đrîll stàrtéđ öñ {kiosk}. Àñswér ît lîké à réàl çàll, àñđ çlösé ît às à đrîll. ········ ········ ········ ··]</translation>
    </message>
    <message>
        <source>The hub did not answer; no drill was started.</source>
        <translation>[Thé hüb đîđ ñöt àñswér; ñö đrîll wàs stàrtéđ. ········ ······]</translation>
    </message>
    <message>
        <source>A drill raises a practice help call on a free kiosk. Everything happens as for a real call, marked DRILL on every screen, and the drill is kept out of the real figures. A real help call during a drill is still a real call.</source>
        <translation>[À đrîll ràîsés à pràçtîçé hélp çàll öñ à fréé kîösk. Évérýthîñg hàppéñs às för à réàl çàll, màrkéđ ĐRÎLL öñ évérý sçrééñ, àñđ thé đrîll îs képt öüt öf thé réàl fîgürés. À réàl hélp çàll đürîñg à đrîll îs stîll à réàl çàll. ········ ········ ········ ········ ········ ········ ········ ········ ········ ·····]</translation>
    </message>
    <message>
        <source>Start a drill on this kiosk</source>
        <translation>[Stàrt à đrîll öñ thîs kîösk ········]</translation>
    </message>
    <message>
        <source>Drills: time of every step after the start</source>
        <translation>[Đrîlls: tîmé öf évérý stép àftér thé stàrt ········ ·····]</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>[Éxpört às ÇSV… ···]</translation>
    </message>
    <message>
        <source>Kiosks for a drill</source>
        <translation>[Kîösks för à đrîll ·····]</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <source>How was your visit today?</source>
        <translation>[Höw wàs ýöür vîsît töđàý? ·······]</translation>
    </message>
    <message>
        <source>You do not have to answer. We do not record who you are.</source>
        <translation>[Ýöü đö ñöt hàvé tö àñswér. Wé đö ñöt réçörđ whö ýöü àré. ········ ········ ··]</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>[Gööđ ·]</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>[Àll rîght ·]</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>[Ñöt gööđ ·]</translation>
    </message>
    <message>
        <source>I&apos;d rather not say</source>
        <translation>[Î&apos;đ ràthér ñöt sàý ·····]</translation>
    </message>
    <message>
        <source>Thank you for telling us. We hope to see you again.</source>
        <translation>[Thàñk ýöü för téllîñg üs. Wé höpé tö séé ýöü àgàîñ. ········ ·········]</translation>
    </message>
</context>
<context>
    <name>FigureChart</name>
    <message>
        <source>{group}: median {median}, 90% within {p90}</source>
        <translation>[{group}: méđîàñ {median}, 90% wîthîñ {p90} ········ ·····]</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>[Méđîàñ ·]</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>[90th pérçéñtîlé ···]</translation>
    </message>
    <message>
        <source>No calls to show yet.</source>
        <translation>[Ñö çàlls tö shöw ýét. ······]</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>[Çhàrt ·]</translation>
    </message>
</context>
<context>
    <name>FileChoice</name>
    <message>
        <source>Save as CSV</source>
        <translation>[Sàvé às ÇSV ··]</translation>
    </message>
</context>
<context>
    <name>FloatingAlarm</name>
    <message>
        <source>Open the console</source>
        <translation>[Öpéñ thé çöñsölé ····]</translation>
    </message>
</context>
<context>
    <name>FocusReader</name>
    <message>
        <source>button</source>
        <translation>[büttöñ ·]</translation>
    </message>
    <message>
        <source>check box</source>
        <translation>[çhéçk böx ·]</translation>
    </message>
    <message>
        <source>option</source>
        <translation>[öptîöñ ·]</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>[téxt fîélđ ·]</translation>
    </message>
    <message>
        <source>list of choices</source>
        <translation>[lîst öf çhöîçés ···]</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>[slîđér ·]</translation>
    </message>
    <message>
        <source>number field</source>
        <translation>[ñümbér fîélđ ··]</translation>
    </message>
    <message>
        <source>list</source>
        <translation>[lîst ·]</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>[lîst îtém ·]</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>[tàb ·]</translation>
    </message>
    <message>
        <source>link</source>
        <translation>[lîñk ·]</translation>
    </message>
    <message>
        <source>menu item</source>
        <translation>[méñü îtém ·]</translation>
    </message>
    <message>
        <source>text</source>
        <translation>[téxt ·]</translation>
    </message>
</context>
<context>
    <name>FraudCheckScreen</name>
    <message>
        <source>Before your ticket, a short question ({number} of {count}). Please answer yes or no.</source>
        <extracomment>Above each fraud-check question. {number} is this question&apos;s place (1, 2, 3), {count} how many there are.</extracomment>
        <translation>[Béföré ýöür tîçkét, à shört qüéstîöñ ({number} öf {count}). Pléàsé àñswér ýés ör ñö. ········ ········ ········ ····]</translation>
    </message>
    <message>
        <source>Yes, someone has</source>
        <translation>[Ýés, söméöñé hàs ····]</translation>
    </message>
    <message>
        <source>No, nobody has</source>
        <translation>[Ñö, ñöböđý hàs ···]</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Calling staff now</source>
        <translation>[Çàllîñg stàff ñöw ····]</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>[Stàff hàvé bééñ tölđ ·····]</translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <extracomment>{name} is the member of staff who accepted the call, e.g. 李明.</extracomment>
        <translation>[{name} îs öñ thé wàý ·····]</translation>
    </message>
    <message>
        <source>Staff are on the way</source>
        <translation>[Stàff àré öñ thé wàý ·····]</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>[Stàff àré héré ···]</translation>
    </message>
</context>
<context>
    <name>HelpCall</name>
    <message>
        <source>What do you need help with?</source>
        <translation>[Whàt đö ýöü ñééđ hélp wîth? ········]</translation>
    </message>
    <message>
        <source>I feel unwell</source>
        <translation>[Î féél üñwéll ···]</translation>
    </message>
    <message>
        <source>I&apos;d like to talk to staff privately</source>
        <translation>[Î&apos;đ lîké tö tàlk tö stàff prîvàtélý ········ ··]</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>[Söméthîñg élsé ···]</translation>
    </message>
    <message>
        <source>Staff are being called. Please wait here.</source>
        <translation>[Stàff àré béîñg çàlléđ. Pléàsé wàît héré. ········ ·····]</translation>
    </message>
    <message>
        <source>{name} is coming to help you.</source>
        <extracomment>{name} is the given name of the member of staff who accepted the call.</extracomment>
        <translation>[{name} îs çömîñg tö hélp ýöü. ·········]</translation>
    </message>
    <message>
        <source>A member of staff is coming to help you.</source>
        <translation>[À mémbér öf stàff îs çömîñg tö hélp ýöü. ········ ····]</translation>
    </message>
    <message>
        <source>Everyone is busy at the moment. We are still calling for you.</source>
        <translation>[Évérýöñé îs büsý àt thé möméñt. Wé àré stîll çàllîñg för ýöü. ········ ········ ····]</translation>
    </message>
    <message>
        <source>I&apos;m fine now</source>
        <translation>[Î&apos;m fîñé ñöw ··]</translation>
    </message>
    <message>
        <source>All right. Press “Call staff” whenever you need help.</source>
        <translation>[Àll rîght. Préss “Çàll stàff” whéñévér ýöü ñééđ hélp. ········ ········ ·]</translation>
    </message>
</context>
<context>
    <name>HelpCallsPanel</name>
    <message>
        <source>Help calls: {open} open, {waiting} waiting for someone to come</source>
        <translation>[Hélp çàlls: {open} öpéñ, {waiting} wàîtîñg för söméöñé tö çömé ········ ········ ····]</translation>
    </message>
    <message>
        <source>Select a call to answer it.</source>
        <translation>[Séléçt à çàll tö àñswér ît. ········]</translation>
    </message>
    <message>
        <source>{kiosk}, {place}: {what}. Waiting {waited}. {state}.</source>
        <translation>[{kiosk}, {place}: {what}. Wàîtîñg {waited}. {state}. ········ ·········]</translation>
    </message>
    <message>
        <source>{drill}: this is a practice call. {details}</source>
        <translation>[{drill}: thîs îs à pràçtîçé çàll. {details} ········ ······]</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>[Ñöt séñt: {reason} ·····]</translation>
    </message>
    <message>
        <source>The customer pressed &quot;I&apos;m fine now&quot;; someone must still go and close the call.</source>
        <translation>[Thé çüstömér présséđ &quot;Î&apos;m fîñé ñöw&quot;; söméöñé müst stîll gö àñđ çlösé thé çàll. ········ ········ ········ ··]</translation>
    </message>
    <message>
        <source>You are going. Press &quot;Arrived&quot; when you reach the customer.</source>
        <translation>[Ýöü àré göîñg. Préss &quot;Àrrîvéđ&quot; whéñ ýöü réàçh thé çüstömér. ········ ········ ···]</translation>
    </message>
    <message>
        <source>{name} is going: they pressed &quot;I&apos;m coming&quot; first. You need not go.</source>
        <translation>[{name} îs göîñg: théý présséđ &quot;Î&apos;m çömîñg&quot; fîrst. Ýöü ñééđ ñöt gö. ········ ········ ······]</translation>
    </message>
    <message>
        <source>{name} is going.</source>
        <translation>[{name} îs göîñg. ····]</translation>
    </message>
    <message>
        <source>I&apos;m coming too</source>
        <translation>[Î&apos;m çömîñg töö ···]</translation>
    </message>
    <message>
        <source>I&apos;m coming</source>
        <translation>[Î&apos;m çömîñg ·]</translation>
    </message>
    <message>
        <source>Sign in below to answer calls.</source>
        <translation>[Sîgñ îñ bélöw tö àñswér çàlls. ·········]</translation>
    </message>
    <message>
        <source>This desk is locked: sign in again below to answer.</source>
        <translation>[Thîs đésk îs löçkéđ: sîgñ îñ àgàîñ bélöw tö àñswér. ········ ·········]</translation>
    </message>
    <message>
        <source>No open help calls.</source>
        <translation>[Ñö öpéñ hélp çàlls. ·····]</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>[Àrrîvéđ ·]</translation>
    </message>
    <message>
        <source>Close the call…</source>
        <translation>[Çlösé thé çàll… ···]</translation>
    </message>
    <message>
        <source>Open help calls</source>
        <translation>[Öpéñ hélp çàlls ···]</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Calling staff</source>
        <translation>[Çàllîñg stàff ···]</translation>
    </message>
    <message>
        <source>You may tell staff more. You do not have to: we are already calling them.</source>
        <translation>[Ýöü màý téll stàff möré. Ýöü đö ñöt hàvé tö: wé àré àlréàđý çàllîñg thém. ········ ········ ·········]</translation>
    </message>
    <message>
        <source>You told staff: {choice}</source>
        <extracomment>{choice} is the text of the choice the customer pressed, e.g. &quot;I feel unwell&quot;.</extracomment>
        <translation>[Ýöü tölđ stàff: {choice} ·······]</translation>
    </message>
    <message>
        <source>For staff: close this call</source>
        <translation>[För stàff: çlösé thîs çàll ········]</translation>
    </message>
    <message>
        <source>Yes, I was helped</source>
        <translation>[Ýés, Î wàs hélpéđ ····]</translation>
    </message>
    <message>
        <source>No</source>
        <translation>[Ñö ·]</translation>
    </message>
    <message>
        <source>Please wait here. This screen will tell you when staff have been told.</source>
        <translation>[Pléàsé wàît héré. Thîs sçrééñ wîll téll ýöü whéñ stàff hàvé bééñ tölđ. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Staff cannot be reached right now</source>
        <translation>[Stàff çàññöt bé réàçhéđ rîght ñöw ········ ··]</translation>
    </message>
    <message>
        <source>Please go to the counter, or ask anyone nearby to help you. We keep calling.</source>
        <translation>[Pléàsé gö tö thé çöüñtér, ör àsk àñýöñé ñéàrbý tö hélp ýöü. Wé kéép çàllîñg. ········ ········ ········ ·]</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>[Stàff hàvé bééñ tölđ ·····]</translation>
    </message>
    <message>
        <source>A member of staff will come to you soon. Please wait here.</source>
        <translation>[À mémbér öf stàff wîll çömé tö ýöü sööñ. Pléàsé wàît héré. ········ ········ ···]</translation>
    </message>
    <message>
        <source>We are still calling</source>
        <translation>[Wé àré stîll çàllîñg ·····]</translation>
    </message>
    <message>
        <source>Please sit down if you can. If you feel worse, tell anyone nearby at once.</source>
        <translation>[Pléàsé sît đöwñ îf ýöü çàñ. Îf ýöü féél wörsé, téll àñýöñé ñéàrbý àt öñçé. ········ ········ ·········]</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>[Hélp îs öñ thé wàý ·····]</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>[Stàff àré héré ···]</translation>
    </message>
    <message>
        <source>{name} is here to help you.</source>
        <extracomment>{name} is the member of staff who has come to the customer.</extracomment>
        <translation>[{name} îs héré tö hélp ýöü. ········]</translation>
    </message>
    <message>
        <source>A member of staff is here to help you.</source>
        <translation>[À mémbér öf stàff îs héré tö hélp ýöü. ········ ····]</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>[Thàñk ýöü ·]</translation>
    </message>
    <message>
        <source>Thank you for telling us. Press Home to start again.</source>
        <translation>[Thàñk ýöü för téllîñg üs. Préss Hömé tö stàrt àgàîñ. ········ ·········]</translation>
    </message>
    <message>
        <source>Were you helped?</source>
        <translation>[Wéré ýöü hélpéđ? ····]</translation>
    </message>
    <message>
        <source>Please tell us with a button below.</source>
        <translation>[Pléàsé téll üs wîth à büttöñ bélöw. ········ ··]</translation>
    </message>
    <message>
        <source>Thank you. A member of staff will still come to see you.</source>
        <translation>[Thàñk ýöü. À mémbér öf stàff wîll stîll çömé tö séé ýöü. ········ ········ ··]</translation>
    </message>
    <message>
        <source>Please sit down if you can.</source>
        <translation>[Pléàsé sît đöwñ îf ýöü çàñ. ········]</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>[À mémbér öf stàff wîll çömé àñđ gö wîth ýöü. ········ ······]</translation>
    </message>
    <message>
        <source>Practice: staff are practising. This is not a real call for help.</source>
        <translation>[Pràçtîçé: stàff àré pràçtîsîñg. Thîs îs ñöt à réàl çàll för hélp. ········ ········ ·····]</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Raised</source>
        <translation>[Ràîséđ ·]</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>[Kîösk ·]</translation>
    </message>
    <message>
        <source>What</source>
        <translation>[Whàt ·]</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>[Çöñfîrméđ ·]</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>[Ésçàlàtéđ ·]</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>[Çömîñg ·]</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>[Àrrîvéđ ·]</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>[Çlöséđ ·]</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>[Réspöñsé ·]</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>[Öütçömé ·]</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>[stîll öpéñ ·]</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>[Ñöté ·]</translation>
    </message>
    <message>
        <source>Saved {count} calls to {file}</source>
        <translation>[Sàvéđ {count} çàlls tö {file} ·········]</translation>
    </message>
    <message>
        <source>{count} calls, {drills} drills</source>
        <translation>[{count} çàlls, {drills} đrîlls ·········]</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>[Éxpört às ÇSV… ···]</translation>
    </message>
    <message>
        <source>Past help calls</source>
        <translation>[Pàst hélp çàlls ···]</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Welcome to {branch}</source>
        <translation>[Wélçömé tö {branch} ·····]</translation>
    </message>
    <message>
        <source>Please choose below. If you would like a person to help you, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;): the button is named by its words and its place, never by its colour alone.</extracomment>
        <translation>[Pléàsé çhöösé bélöw. Îf ýöü wöülđ lîké à pérsöñ tö hélp ýöü, préss &quot;{help}&quot; àt thé böttöm rîght. ········ ········ ········ ·········]</translation>
    </message>
    <message>
        <source>Staff cannot be reached from this kiosk just now.</source>
        <translation>[Stàff çàññöt bé réàçhéđ fröm thîs kîösk jüst ñöw. ········ ········]</translation>
    </message>
    <message>
        <source>If you need help, please go to the counter.</source>
        <translation>[Îf ýöü ñééđ hélp, pléàsé gö tö thé çöüñtér. ········ ······]</translation>
    </message>
    <message>
        <source>Get a number and wait to be called to a counter.</source>
        <translation>[Gét à ñümbér àñđ wàît tö bé çàlléđ tö à çöüñtér. ········ ········]</translation>
    </message>
    <message>
        <source>Answers to common questions, in large text and read aloud.</source>
        <translation>[Àñswérs tö çömmöñ qüéstîöñs, îñ làrgé téxt àñđ réàđ àlöüđ. ········ ········ ···]</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>[À mémbér öf stàff wîll çömé àñđ gö wîth ýöü. ········ ······]</translation>
    </message>
    <message>
        <source>Text size and sound</source>
        <translation>[Téxt sîzé àñđ söüñđ ·····]</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>[Î mîsséđ mý ñümbér ·····]</translation>
    </message>
    <message>
        <source>Type the number on your ticket to go back in line.</source>
        <translation>[Týpé thé ñümbér öñ ýöür tîçkét tö gö bàçk îñ lîñé. ········ ········]</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Do you need more time?</source>
        <translation>[Đö ýöü ñééđ möré tîmé? ······]</translation>
    </message>
    <message>
        <source>If you do, press the button below.</source>
        <translation>[Îf ýöü đö, préss thé büttöñ bélöw. ········ ··]</translation>
    </message>
    <message>
        <source>Going back to the start for the next customer.</source>
        <translation>[Göîñg bàçk tö thé stàrt för thé ñéxt çüstömér. ········ ·······]</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in 1 second, for the next customer.</source>
        <translation>[Îf ñöböđý töüçhés thé sçrééñ, ît göés bàçk tö thé stàrt îñ 1 séçöñđ, för thé ñéxt çüstömér. ········ ········ ········ ·······]</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in {seconds} seconds, for the next customer.</source>
        <extracomment>{seconds} is the whole number of seconds left (2 or more), updated as they pass.</extracomment>
        <translation>[Îf ñöböđý töüçhés thé sçrééñ, ît göés bàçk tö thé stàrt îñ {seconds} séçöñđs, för thé ñéxt çüstömér. ········ ········ ········ ········ ·]</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>[Î ñééđ möré tîmé ····]</translation>
    </message>
</context>
<context>
    <name>KiosksPanel</name>
    <message>
        <source>Online</source>
        <translation>[Öñlîñé ·]</translation>
    </message>
    <message>
        <source>OFFLINE: gone silent</source>
        <translation>[ÖFFLÎÑÉ: göñé sîléñt ·····]</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>[Öfflîñé ·]</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>[ñöböđý ·]</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>[Đévîçé ·]</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>[Kîñđ ·]</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>[Whéré ·]</translation>
    </message>
    <message>
        <source>State</source>
        <translation>[Stàté ·]</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>[Làst héàrđ ·]</translation>
    </message>
    <message>
        <source>In use / signed in</source>
        <translation>[Îñ üsé / sîgñéđ îñ ·····]</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>[Spééçh ·]</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>[Prîñtér ·]</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>[Söüñđ ·]</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>[Üñséñt ·]</translation>
    </message>
    <message>
        <source>Stored calls</source>
        <translation>[Störéđ çàlls ··]</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>[Vérsîöñ ·]</translation>
    </message>
    <message>
        <source>went silent (alarm)</source>
        <translation>[wéñt sîléñt (àlàrm) ·····]</translation>
    </message>
    <message>
        <source>heard again (alarm over)</source>
        <translation>[héàrđ àgàîñ (àlàrm övér) ·······]</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>[Tîmé ·]</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>[Whàt hàppéñéđ ···]</translation>
    </message>
    <message>
        <source>Noted: stop the alarm for this kiosk</source>
        <translation>[Ñötéđ: stöp thé àlàrm för thîs kîösk ········ ···]</translation>
    </message>
    <message>
        <source>A kiosk that goes silent alarms until it is heard again: customers there cannot call for help. Send someone to look, then press &quot;Noted&quot;.</source>
        <translation>[À kîösk thàt göés sîléñt àlàrms üñtîl ît îs héàrđ àgàîñ: çüstömérs théré çàññöt çàll för hélp. Séñđ söméöñé tö löök, théñ préss &quot;Ñötéđ&quot;. ········ ········ ········ ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Kiosks gone silent and back</source>
        <translation>[Kîösks göñé sîléñt àñđ bàçk ········]</translation>
    </message>
    <message>
        <source>Devices of the branch</source>
        <translation>[Đévîçés öf thé bràñçh ······]</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <extracomment>The name of the language of this catalogue, written in that language itself (中文, English, Deutsch). The language switch button shows it.</extracomment>
        <translation>[Éñglîsh ·]</translation>
    </message>
</context>
<context>
    <name>LostOfferScreen</name>
    <message>
        <source>Would you like a member of staff to come and help you?</source>
        <translation>[Wöülđ ýöü lîké à mémbér öf stàff tö çömé àñđ hélp ýöü? ········ ········ ·]</translation>
    </message>
    <message>
        <source>Yes, please</source>
        <translation>[Ýés, pléàsé ··]</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>[Ñö, thàñk ýöü ···]</translation>
    </message>
</context>
<context>
    <name>MagnifierButton</name>
    <message>
        <source>Zoom on</source>
        <translation>[Zööm öñ ·]</translation>
    </message>
    <message>
        <source>Zoom off</source>
        <translation>[Zööm öff ·]</translation>
    </message>
    <message>
        <source>Touch the screen to see it larger; press here again to stop.</source>
        <translation>[Töüçh thé sçrééñ tö séé ît làrgér; préss héré àgàîñ tö stöp. ········ ········ ···]</translation>
    </message>
    <message>
        <source>Makes what you touch larger, like reading glasses.</source>
        <translation>[Màkés whàt ýöü töüçh làrgér, lîké réàđîñg glàssés. ········ ········]</translation>
    </message>
</context>
<context>
    <name>MissedScreen</name>
    <message>
        <source>Your number: {number}</source>
        <extracomment>{number}: what the customer has typed so far, e.g. A05.</extracomment>
        <translation>[Ýöür ñümbér: {number} ······]</translation>
    </message>
    <message>
        <source>Your number: (not typed yet)</source>
        <translation>[Ýöür ñümbér: (ñöt týpéđ ýét) ·········]</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>[Î mîsséđ mý ñümbér ·····]</translation>
    </message>
    <message>
        <source>Type the number on your ticket: first its letter, then its digits. We will put you back in line.</source>
        <translation>[Týpé thé ñümbér öñ ýöür tîçkét: fîrst îts léttér, théñ îts đîgîts. Wé wîll püt ýöü bàçk îñ lîñé. ········ ········ ········ ·········]</translation>
    </message>
    <message>
        <source>Letter {letter}</source>
        <extracomment>{letter}: a ticket number&apos;s letter, e.g. A.</extracomment>
        <translation>[Léttér {letter} ···]</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>[Đélété ·]</translation>
    </message>
    <message>
        <source>Put me back in line</source>
        <translation>[Püt mé bàçk îñ lîñé ·····]</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Call staff</source>
        <translation>[Çàll stàff ·]</translation>
    </message>
    <message>
        <source>Press here and a member of staff will come to help you.</source>
        <translation>[Préss héré àñđ à mémbér öf stàff wîll çömé tö hélp ýöü. ········ ········ ·]</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>[Hömé ·]</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>[Bàçk ·]</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>[Çhàñgé làñgüàgé ···]</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>[Çöñfîrm ·]</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>[Çàñçél ·]</translation>
    </message>
    <message>
        <source>Say it again</source>
        <translation>[Sàý ît àgàîñ ··]</translation>
    </message>
    <message>
        <source>Scroll up and down</source>
        <extracomment>The scroll bar beside a screen whose words need more room than the panel has.</extracomment>
        <translation>[Sçröll üp àñđ đöwñ ·····]</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete</source>
        <translation>[Đélété ·]</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>[ÖK ·]</translation>
    </message>
</context>
<context>
    <name>PrintedTicket</name>
    <message>
        <source>Your number</source>
        <translation>[Ýöür ñümbér ··]</translation>
    </message>
    <message>
        <source>Expected wait: {low} to {high} minutes</source>
        <extracomment>{low} and {high} are whole minutes, e.g. &quot;Expected wait: 10 to 20 minutes&quot;.</extracomment>
        <translation>[Éxpéçtéđ wàît: {low} tö {high} mîñütés ········ ····]</translation>
    </message>
    <message>
        <source>Expected wait: up to {high} minutes</source>
        <extracomment>{high} is whole minutes, e.g. &quot;Expected wait: up to 5 minutes&quot;.</extracomment>
        <translation>[Éxpéçtéđ wàît: üp tö {high} mîñütés ········ ··]</translation>
    </message>
    <message>
        <source>Nobody is waiting before you.</source>
        <translation>[Ñöböđý îs wàîtîñg béföré ýöü. ·········]</translation>
    </message>
    <message>
        <source>One person is waiting before you.</source>
        <translation>[Öñé pérsöñ îs wàîtîñg béföré ýöü. ········ ··]</translation>
    </message>
    <message>
        <source>{count} people are waiting before you.</source>
        <extracomment>{count} is the number of customers waiting before this one now (2 or more).</extracomment>
        <translation>[{count} péöplé àré wàîtîñg béföré ýöü. ········ ····]</translation>
    </message>
    <message>
        <source>Expected wait: under 1 minute</source>
        <extracomment>The hub&apos;s wait estimate is under one minute.</extracomment>
        <translation>[Éxpéçtéđ wàît: üñđér 1 mîñüté ·········]</translation>
    </message>
    <message>
        <source>Expected wait: about {low} minutes</source>
        <extracomment>{low} is whole minutes, e.g. &quot;Expected wait: about 5 minutes&quot;.</extracomment>
        <translation>[Éxpéçtéđ wàît: àböüt {low} mîñütés ········ ··]</translation>
    </message>
    <message>
        <source>Taken: {date} {time}</source>
        <extracomment>{date} is like 2026-11-27 and {time} like 09:15, when the ticket was taken.</extracomment>
        <translation>[Tàkéñ: {date} {time} ·····]</translation>
    </message>
    <message>
        <source>Scan the code with your phone to see your place in the queue.</source>
        <translation>[Sçàñ thé çöđé wîth ýöür phöñé tö séé ýöür plàçé îñ thé qüéüé. ········ ········ ····]</translation>
    </message>
    <message>
        <source>Please listen for your number. If you miss it, please ask the staff in the lobby.</source>
        <translation>[Pléàsé lîstéñ för ýöür ñümbér. Îf ýöü mîss ît, pléàsé àsk thé stàff îñ thé löbbý. ········ ········ ········ ···]</translation>
    </message>
    <message>
        <source>Ticket {number}</source>
        <extracomment>The printed file&apos;s title, seen by staff in the printer&apos;s job list. {number}: A042.</extracomment>
        <translation>[Tîçkét {number} ···]</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Would you like priority service?</source>
        <translation>[Wöülđ ýöü lîké prîörîtý sérvîçé? ········ ·]</translation>
    </message>
    <message>
        <source>Priority service is for elderly customers and for anyone who needs assistance. Just choose, nobody will ask you why.</source>
        <translation>[Prîörîtý sérvîçé îs för élđérlý çüstömérs àñđ för àñýöñé whö ñééđs àssîstàñçé. Jüst çhöösé, ñöböđý wîll àsk ýöü whý. ········ ········ ········ ········ ········]</translation>
    </message>
    <message>
        <source>Yes, I would like priority service</source>
        <translation>[Ýés, Î wöülđ lîké prîörîtý sérvîçé ········ ··]</translation>
    </message>
    <message>
        <source>No, a normal ticket</source>
        <translation>[Ñö, à ñörmàl tîçkét ·····]</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Questions and answers</source>
        <translation>[Qüéstîöñs àñđ àñswérs ······]</translation>
    </message>
    <message>
        <source>I&apos;m not sure what I need</source>
        <translation>[Î&apos;m ñöt süré whàt Î ñééđ ·······]</translation>
    </message>
</context>
<context>
    <name>QuestionsScreen</name>
    <message>
        <source>Choose a question.</source>
        <translation>[Çhöösé à qüéstîöñ. ·····]</translation>
    </message>
    <message>
        <source>There are no questions here just now.</source>
        <translation>[Théré àré ñö qüéstîöñs héré jüst ñöw. ········ ···]</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Counter</source>
        <translation>[Çöüñtér ·]</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>[Tîçkét ·]</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>[Sérvîçé ·]</translation>
    </message>
    <message>
        <source>At the counter for</source>
        <translation>[Àt thé çöüñtér för ·····]</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to serve the queue.</source>
        <translation>[Sîgñ îñ (ör üñlöçk) tö sérvé thé qüéüé. ········ ····]</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>[Ñöt séñt: thîs đésk îs ñöt çöññéçtéđ. ········ ···]</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>[Thé hüb đîđ ñöt àñswér. Löök àt thé qüéüé tö séé whéthér ît hàppéñéđ. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Called {number} to counter {counter}.</source>
        <extracomment>{number}: the ticket called; {counter}: this counter&apos;s number.</extracomment>
        <translation>[Çàlléđ {number} tö çöüñtér {counter}. ········ ···]</translation>
    </message>
    <message>
        <source>Called {number} again.</source>
        <translation>[Çàlléđ {number} àgàîñ. ······]</translation>
    </message>
    <message>
        <source>{number} marked as not come.</source>
        <translation>[{number} màrkéđ às ñöt çömé. ·········]</translation>
    </message>
    <message>
        <source>{number} finished.</source>
        <translation>[{number} fîñîshéđ. ·····]</translation>
    </message>
    <message>
        <source>{number} moved to {service}.</source>
        <translation>[{number} mövéđ tö {service}. ·········]</translation>
    </message>
    <message>
        <source>Counter {counter}: call the next customer, and close each ticket when done.</source>
        <translation>[Çöüñtér {counter}: çàll thé ñéxt çüstömér, àñđ çlösé éàçh tîçkét whéñ đöñé. ········ ········ ·········]</translation>
    </message>
    <message>
        <source>Lobby desk: counters call customers; from here you can close or move any ticket.</source>
        <translation>[Löbbý đésk: çöüñtérs çàll çüstömérs; fröm héré ýöü çàñ çlösé ör mövé àñý tîçkét. ········ ········ ········ ··]</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>[Çàll ñéxt ·]</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>[Çàll àgàîñ ·]</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>[Đîđ ñöt çömé ··]</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>[Fîñîshéđ ·]</translation>
    </message>
    <message>
        <source>Move ticket to this service</source>
        <translation>[Mövé tîçkét tö thîs sérvîçé ········]</translation>
    </message>
    <message>
        <source>Waiting, in the order they will be called</source>
        <translation>[Wàîtîñg, îñ thé örđér théý wîll bé çàlléđ ········ ·····]</translation>
    </message>
    <message>
        <source>At the counter now</source>
        <translation>[Àt thé çöüñtér ñöw ·····]</translation>
    </message>
    <message>
        <source>Waiting tickets by service</source>
        <translation>[Wàîtîñg tîçkéts bý sérvîçé ········]</translation>
    </message>
    <message>
        <source>Tickets at the counter</source>
        <translation>[Tîçkéts àt thé çöüñtér ······]</translation>
    </message>
    <message>
        <source>Service to move the ticket to</source>
        <translation>[Sérvîçé tö mövé thé tîçkét tö ·········]</translation>
    </message>
</context>
<context>
    <name>QueueTree</name>
    <message>
        <source>Service / ticket</source>
        <translation>[Sérvîçé / tîçkét ····]</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>[Prîörîtý ·]</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>[Wàîtîñg ·]</translation>
    </message>
    <message>
        <source>{service}: {count} waiting</source>
        <extracomment>{service}: a service&apos;s name; {count}: tickets waiting for it.</extracomment>
        <translation>[{service}: {count} wàîtîñg ········]</translation>
    </message>
    <message>
        <source>{count} priority</source>
        <translation>[{count} prîörîtý ····]</translation>
    </message>
    <message>
        <source>★ Priority (elderly)</source>
        <translation>[★ Prîörîtý (élđérlý) ·····]</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Measure</source>
        <translation>[Méàsüré ·]</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>[Gröüp ·]</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>[Tîçkéts ·]</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>[Méđîàñ ·]</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>[90th pérçéñtîlé ···]</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>[Đàý ·]</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>[Gööđ ·]</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>[Àll rîght ·]</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>[Bàđ ·]</translation>
    </message>
    <message>
        <source>Helped after a call</source>
        <translation>[Hélpéđ àftér à çàll ·····]</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>[Ñöt hélpéđ ·]</translation>
    </message>
    <message>
        <source>Saved {count} rows to {file}</source>
        <translation>[Sàvéđ {count} röws tö {file} ·········]</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by kind of call</source>
        <translation>[Tîmé tö &quot;Î&apos;m çömîñg&quot;, bý kîñđ öf çàll ········ ···]</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by day</source>
        <translation>[Tîmé tö &quot;Î&apos;m çömîñg&quot;, bý đàý ·········]</translation>
    </message>
    <message>
        <source>Wait, by service</source>
        <translation>[Wàît, bý sérvîçé ····]</translation>
    </message>
    <message>
        <source>Wait, by day</source>
        <translation>[Wàît, bý đàý ··]</translation>
    </message>
    <message>
        <source>At the counter, by service</source>
        <translation>[Àt thé çöüñtér, bý sérvîçé ········]</translation>
    </message>
    <message>
        <source>Queue: waiting and service times</source>
        <translation>[Qüéüé: wàîtîñg àñđ sérvîçé tîmés ········ ·]</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>[Whàt çüstömérs sàîđ ·····]</translation>
    </message>
    <message>
        <source>Response times as CSV…</source>
        <translation>[Réspöñsé tîmés às ÇSV… ······]</translation>
    </message>
    <message>
        <source>Tickets as CSV…</source>
        <translation>[Tîçkéts às ÇSV… ···]</translation>
    </message>
    <message>
        <source>Queue times as CSV…</source>
        <translation>[Qüéüé tîmés às ÇSV… ·····]</translation>
    </message>
    <message>
        <source>Feedback as CSV…</source>
        <translation>[Fééđbàçk às ÇSV… ····]</translation>
    </message>
</context>
<context>
    <name>ResolveForm</name>
    <message>
        <source>Close the call</source>
        <translation>[Çlösé thé çàll ···]</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>[Öütçömé ·]</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>[Ñöté (öptîöñàl) ···]</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>[Çàñçél ·]</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <source>Which service do you need?</source>
        <translation>[Whîçh sérvîçé đö ýöü ñééđ? ········]</translation>
    </message>
    <message>
        <source>Press the service. You will get a ticket with your number.</source>
        <translation>[Préss thé sérvîçé. Ýöü wîll gét à tîçkét wîth ýöür ñümbér. ········ ········ ···]</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Text size and sound</source>
        <translation>[Téxt sîzé àñđ söüñđ ·····]</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>[Stöp réàđîñg àlöüđ ·····]</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>[Làñgüàgé: {language} ·····]</translation>
    </message>
    <message>
        <source>Text size: large</source>
        <translation>[Téxt sîzé: làrgé ····]</translation>
    </message>
    <message>
        <source>Text size: extra large</source>
        <translation>[Téxt sîzé: éxtrà làrgé ······]</translation>
    </message>
    <message>
        <source>Colours: high contrast</source>
        <translation>[Çölöürs: hîgh çöñtràst ······]</translation>
    </message>
    <message>
        <source>Colours: standard</source>
        <translation>[Çölöürs: stàñđàrđ ····]</translation>
    </message>
    <message>
        <source>Volume: {level} of {count}</source>
        <extracomment>{level} is the volume step now (1 is the quietest), {count} the number of steps.</extracomment>
        <translation>[Völümé: {level} öf {count} ········]</translation>
    </message>
    <message>
        <source>Speaking speed: slow</source>
        <translation>[Spéàkîñg spééđ: slöw ·····]</translation>
    </message>
    <message>
        <source>Speaking speed: normal</source>
        <translation>[Spéàkîñg spééđ: ñörmàl ······]</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>{name} (manager)</source>
        <translation>[{name} (màñàgér) ····]</translation>
    </message>
    <message>
        <source>The hub did not answer, so the PIN could not be checked. Try again in a moment.</source>
        <translation>[Thé hüb đîđ ñöt àñswér, sö thé PÎÑ çöülđ ñöt bé çhéçkéđ. Trý àgàîñ îñ à möméñt. ········ ········ ········ ··]</translation>
    </message>
    <message>
        <source>This desk is not connected, so the PIN could not be checked. Help calls still show here.</source>
        <translation>[Thîs đésk îs ñöt çöññéçtéđ, sö thé PÎÑ çöülđ ñöt bé çhéçkéđ. Hélp çàlls stîll shöw héré. ········ ········ ········ ······]</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again.</source>
        <translation>[Ýöür sîgñ-îñ hàs éñđéđ. Pléàsé sîgñ îñ àgàîñ. ········ ······]</translation>
    </message>
    <message>
        <source>This desk is locked. {name}, enter your PIN to continue, or another person can sign in.</source>
        <translation>[Thîs đésk îs löçkéđ. {name}, éñtér ýöür PÎÑ tö çöñtîñüé, ör àñöthér pérsöñ çàñ sîgñ îñ. ········ ········ ········ ·····]</translation>
    </message>
    <message>
        <source>Sign in to answer help calls and serve the queue</source>
        <translation>[Sîgñ îñ tö àñswér hélp çàlls àñđ sérvé thé qüéüé ········ ········]</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while this desk is locked.</source>
        <translation>[Hélp çàlls àbövé kéép shöwîñg àñđ söüñđîñg whîlé thîs đésk îs löçkéđ. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while nobody is signed in.</source>
        <translation>[Hélp çàlls àbövé kéép shöwîñg àñđ söüñđîñg whîlé ñöböđý îs sîgñéđ îñ. ········ ········ ·······]</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>[PÎÑ ·]</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>[Ýöür ñàmé ·]</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>[Sîgñ îñ ·]</translation>
    </message>
    <message>
        <source>Checking your PIN with the hub…</source>
        <translation>[Çhéçkîñg ýöür PÎÑ wîth thé hüb… ········ ·]</translation>
    </message>
</context>
<context>
    <name>SoundBanner</name>
    <message>
        <source>This desk cannot sound the alarm ({problem}). Watch this screen for help calls and tell IT.</source>
        <translation>[Thîs đésk çàññöt söüñđ thé àlàrm ({problem}). Wàtçh thîs sçrééñ för hélp çàlls àñđ téll ÎT. ········ ········ ········ ·······]</translation>
    </message>
    <message>
        <source>Cannot sound the alarm: {desks}. Staff there see calls on screen only.</source>
        <translation>[Çàññöt söüñđ thé àlàrm: {desks}. Stàff théré séé çàlls öñ sçrééñ öñlý. ········ ········ ·······]</translation>
    </message>
</context>
<context>
    <name>StaffClosePanel</name>
    <message>
        <source>For staff: close this call</source>
        <translation>[För stàff: çlösé thîs çàll ········]</translation>
    </message>
    <message>
        <source>How did it end?</source>
        <translation>[Höw đîđ ît éñđ? ···]</translation>
    </message>
    <message>
        <source>Customer helped</source>
        <translation>[Çüstömér hélpéđ ···]</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>[Ñö hélp ñééđéđ ···]</translation>
    </message>
    <message>
        <source>Ambulance called</source>
        <translation>[Àmbülàñçé çàlléđ ····]</translation>
    </message>
    <message>
        <source>The practice is over</source>
        <translation>[Thé pràçtîçé îs övér ·····]</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>For staff: close the kiosk program</source>
        <translation>[För stàff: çlösé thé kîösk prögràm ········ ··]</translation>
    </message>
    <message>
        <source>Kiosk {kiosk}
Version {version}</source>
        <translation>[Kîösk {kiosk}
Vérsîöñ {version} ········ ·]</translation>
    </message>
</context>
<context>
    <name>StaffPinPanel</name>
    <message>
        <source>Thank you.</source>
        <translation>[Thàñk ýöü. ·]</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>[Thàt PÎÑ îs ñöt rîght. Pléàsé trý àgàîñ. ········ ····]</translation>
    </message>
    <message>
        <source>Too many tries. Please wait {seconds} seconds.</source>
        <extracomment>{seconds} is how long staff must wait before trying again.</extracomment>
        <translation>[Töö màñý trîés. Pléàsé wàît {seconds} séçöñđs. ········ ·······]</translation>
    </message>
    <message>
        <source>This PIN may not do this. Please ask a manager.</source>
        <translation>[Thîs PÎÑ màý ñöt đö thîs. Pléàsé àsk à màñàgér. ········ ·······]</translation>
    </message>
    <message>
        <source>This call is already closed.</source>
        <translation>[Thîs çàll îs àlréàđý çlöséđ. ·········]</translation>
    </message>
    <message>
        <source>The PIN cannot be checked now: the branch server does not answer. Please try again, or use the staff console.</source>
        <translation>[Thé PÎÑ çàññöt bé çhéçkéđ ñöw: thé bràñçh sérvér đöés ñöt àñswér. Pléàsé trý àgàîñ, ör üsé thé stàff çöñsölé. ········ ········ ········ ········ ·····]</translation>
    </message>
    <message>
        <source>A PIN has {fewest} to {most} digits.</source>
        <extracomment>{fewest} and {most} are the shortest and longest PIN allowed, in digits.</extracomment>
        <translation>[À PÎÑ hàs {fewest} tö {most} đîgîts. ········ ···]</translation>
    </message>
    <message>
        <source>Checking the PIN.</source>
        <translation>[Çhéçkîñg thé PÎÑ. ····]</translation>
    </message>
    <message>
        <source>More names</source>
        <translation>[Möré ñàmés ·]</translation>
    </message>
    <message>
        <source>Please choose your name.</source>
        <translation>[Pléàsé çhöösé ýöür ñàmé. ·······]</translation>
    </message>
    <message>
        <source>{name}, please type your PIN.</source>
        <extracomment>{name} is the member of staff who is typing their PIN.</extracomment>
        <translation>[{name}, pléàsé týpé ýöür PÎÑ. ·········]</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>[Tàké à tîçkét ···]</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>[Pléàsé tàké ýöür tîçkét fröm thé slöt bélöw. ········ ······]</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your ticket is being printed.</source>
        <translation>[Ýöür tîçkét îs béîñg prîñtéđ. ·········]</translation>
    </message>
    <message>
        <source>Please remember your number: {number}.</source>
        <extracomment>{number} is the ticket number, e.g. A042, repeated so it can be remembered.</extracomment>
        <translation>[Pléàsé rémémbér ýöür ñümbér: {number}. ········ ····]</translation>
    </message>
    <message>
        <source>Please take your ticket below.</source>
        <translation>[Pléàsé tàké ýöür tîçkét bélöw. ·········]</translation>
    </message>
    <message>
        <source>Sorry, the ticket could not be printed.</source>
        <translation>[Sörrý, thé tîçkét çöülđ ñöt bé prîñtéđ. ········ ····]</translation>
    </message>
    <message>
        <source>This kiosk cannot reach the ticket system just now.</source>
        <translation>[Thîs kîösk çàññöt réàçh thé tîçkét sýstém jüst ñöw. ········ ·········]</translation>
    </message>
    <message>
        <source>The ticket system did not answer in time.</source>
        <translation>[Thé tîçkét sýstém đîđ ñöt àñswér îñ tîmé. ········ ·····]</translation>
    </message>
    <message>
        <source>This service is closed just now.</source>
        <translation>[Thîs sérvîçé îs çlöséđ jüst ñöw. ········ ·]</translation>
    </message>
    <message>
        <source>The branch is not giving out tickets just now.</source>
        <translation>[Thé bràñçh îs ñöt gîvîñg öüt tîçkéts jüst ñöw. ········ ·······]</translation>
    </message>
    <message>
        <source>There are no more tickets for this service today.</source>
        <translation>[Théré àré ñö möré tîçkéts för thîs sérvîçé töđàý. ········ ········]</translation>
    </message>
    <message>
        <source>This service cannot be chosen here today.</source>
        <translation>[Thîs sérvîçé çàññöt bé çhöséñ héré töđàý. ········ ·····]</translation>
    </message>
    <message>
        <source>That number was not missed today, or it is already back in line. Please ask in the lobby.</source>
        <translation>[Thàt ñümbér wàs ñöt mîsséđ töđàý, ör ît îs àlréàđý bàçk îñ lîñé. Pléàsé àsk îñ thé löbbý. ········ ········ ········ ······]</translation>
    </message>
    <message>
        <source>No ticket could be given out.</source>
        <translation>[Ñö tîçkét çöülđ bé gîvéñ öüt. ·········]</translation>
    </message>
    <message>
        <source>Please wait a moment. Your ticket is on its way.</source>
        <translation>[Pléàsé wàît à möméñt. Ýöür tîçkét îs öñ îts wàý. ········ ········]</translation>
    </message>
    <message>
        <source>Sorry, we could not give you a ticket.</source>
        <translation>[Sörrý, wé çöülđ ñöt gîvé ýöü à tîçkét. ········ ····]</translation>
    </message>
    <message>
        <source>{number}</source>
        <extracomment>The ticket number alone, in huge type on the ticket screen. {number} is like A042; in Chinese it is written with 号 after it.</extracomment>
        <translation>[{number} ·]</translation>
    </message>
    <message>
        <source>Please keep your ticket. Staff will serve you at the counter.</source>
        <translation>[Pléàsé kéép ýöür tîçkét. Stàff wîll sérvé ýöü àt thé çöüñtér. ········ ········ ····]</translation>
    </message>
    <message>
        <source>Scan it with your phone to follow the queue.</source>
        <translation>[Sçàñ ît wîth ýöür phöñé tö föllöw thé qüéüé. ········ ······]</translation>
    </message>
    <message>
        <source>Please go to the counter. Staff there will give you a number.</source>
        <translation>[Pléàsé gö tö thé çöüñtér. Stàff théré wîll gîvé ýöü à ñümbér. ········ ········ ····]</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>[Trý àgàîñ ·]</translation>
    </message>
    <message>
        <source>I&apos;m finished</source>
        <translation>[Î&apos;m fîñîshéđ ··]</translation>
    </message>
</context>
<context>
    <name>WaitAlertStrip</name>
    <message>
        <source>{number} has waited {minutes} minutes.</source>
        <extracomment>{number}: an elderly priority ticket, e.g. A005; {minutes}: whole minutes.</extracomment>
        <translation>[{number} hàs wàîtéđ {minutes} mîñütés. ········ ····]</translation>
    </message>
    <message>
        <source>Please see to them in the lobby.</source>
        <translation>[Pléàsé séé tö thém îñ thé löbbý. ········ ·]</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>[Sééñ ·]</translation>
    </message>
    <message>
        <source>Hide the waiting-time note</source>
        <translation>[Hîđé thé wàîtîñg-tîmé ñöté ········]</translation>
    </message>
    <message>
        <source>Long waits of elderly priority tickets</source>
        <translation>[Löñg wàîts öf élđérlý prîörîtý tîçkéts ········ ····]</translation>
    </message>
</context>
</TS>
