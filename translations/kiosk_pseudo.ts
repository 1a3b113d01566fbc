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
        <source>Stronger colours that make the text easier to read.</source>
        <translation>[Ströñgér çölöürs thàt màké thé téxt éàsîér tö réàđ. ··················]</translation>
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
        <translation>[Î&apos;đ lîké tö tàlk tö stàff prîvàtélý ···········]</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>[Söméthîñg élsé ···]</translation>
    </message>
    <message>
        <source>Staff are being called. Please wait here.</source>
        <translation>[Stàff àré béîñg çàlléđ. Pléàsé wàît héré. ··············]</translation>
    </message>
    <message>
        <source>{name} is coming to help you.</source>
        <extracomment>{name} is the given name of the member of staff who accepted the call.</extracomment>
        <translation>[{name} îs çömîñg tö hélp ýöü. ·········]</translation>
    </message>
    <message>
        <source>A member of staff is coming to help you.</source>
        <translation>[À mémbér öf stàff îs çömîñg tö hélp ýöü. ·············]</translation>
    </message>
    <message>
        <source>Everyone is busy at the moment. We are still calling for you.</source>
        <translation>[Évérýöñé îs büsý àt thé möméñt. Wé àré stîll çàllîñg för ýöü. ······················]</translation>
    </message>
    <message>
        <source>I&apos;m fine now</source>
        <translation>[Î&apos;m fîñé ñöw ··]</translation>
    </message>
    <message>
        <source>All right. Press “Call staff” whenever you need help.</source>
        <translation>[Àll rîght. Préss “Çàll stàff” whéñévér ýöü ñééđ hélp. ···················]</translation>
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
    <name>Navigation</name>
    <message>
        <source>Call staff</source>
        <translation>[Çàll stàff ·]</translation>
    </message>
    <message>
        <source>Press here and a member of staff will come to help you.</source>
        <translation>[Préss héré àñđ à mémbér öf stàff wîll çömé tö hélp ýöü. ···················]</translation>
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
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>[Tàké à tîçkét ···]</translation>
    </message>
    <message>
        <source>Your number is {number}.</source>
        <extracomment>{number} is the queue number printed on the ticket, for example A023.</extracomment>
        <translation>[Ýöür ñümbér îs {number}. ·······]</translation>
    </message>
    <message>
        <source>People waiting before you: {count}</source>
        <extracomment>{count} is how many customers are before this one in the queue (0 or more).</extracomment>
        <translation>[Péöplé wàîtîñg béföré ýöü: {count} ···········]</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>[Pléàsé tàké ýöür tîçkét fröm thé slöt bélöw. ···············]</translation>
    </message>
</context>
</TS>
