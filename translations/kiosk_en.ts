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
    <name>Language</name>
    <message>
        <source>English</source>
        <extracomment>The name of the language of this catalogue, written in that language itself (中文, English, Deutsch). The language switch button shows it.</extracomment>
        <translation>English</translation>
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
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>Take a ticket</translation>
    </message>
    <message>
        <source>Your number is {number}.</source>
        <extracomment>{number} is the queue number printed on the ticket, for example A023.</extracomment>
        <translation>Your number is {number}.</translation>
    </message>
    <message>
        <source>People waiting before you: {count}</source>
        <extracomment>{count} is how many customers are before this one in the queue (0 or more).</extracomment>
        <translation>People waiting before you: {count}</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>Please take your ticket from the slot below.</translation>
    </message>
</context>
</TS>
