<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Text size</source>
        <translation>字体大小</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>字大一点</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>字小一点</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>醒目颜色</translation>
    </message>
    <message>
        <source>Stronger colours that make the text easier to read.</source>
        <translation>颜色对比更强，字看得更清楚。</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <source>Reading aloud is on.</source>
        <translation>语音播报已打开。</translation>
    </message>
    <message>
        <source>Reading aloud is off.</source>
        <translation>语音播报已关闭。</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>大声一点</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>小声一点</translation>
    </message>
    <message>
        <source>Speaking speed</source>
        <translation>说话快慢</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>说快一点</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>说慢一点</translation>
    </message>
</context>
<context>
    <name>FocusReader</name>
    <message>
        <source>button</source>
        <translation>按钮</translation>
    </message>
    <message>
        <source>check box</source>
        <translation>勾选框</translation>
    </message>
    <message>
        <source>option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>输入框</translation>
    </message>
    <message>
        <source>list of choices</source>
        <translation>选择列表</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>滑块</translation>
    </message>
    <message>
        <source>number field</source>
        <translation>数字输入框</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>列表项</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>标签页</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>menu item</source>
        <translation>菜单项</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字</translation>
    </message>
</context>
<context>
    <name>HelpCall</name>
    <message>
        <source>What do you need help with?</source>
        <translation>您需要什么帮助？</translation>
    </message>
    <message>
        <source>I feel unwell</source>
        <translation>我身体不舒服</translation>
    </message>
    <message>
        <source>I&apos;d like to talk to staff privately</source>
        <translation>我想单独和工作人员谈谈</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>其他事情</translation>
    </message>
    <message>
        <source>Staff are being called. Please wait here.</source>
        <translation>正在呼叫工作人员，请在这里稍等。</translation>
    </message>
    <message>
        <source>{name} is coming to help you.</source>
        <extracomment>{name} is the given name of the member of staff who accepted the call.</extracomment>
        <translation>{name}马上过来帮您。</translation>
    </message>
    <message>
        <source>A member of staff is coming to help you.</source>
        <translation>工作人员马上过来帮您。</translation>
    </message>
    <message>
        <source>Everyone is busy at the moment. We are still calling for you.</source>
        <translation>工作人员现在都在忙，我们还在继续帮您呼叫。</translation>
    </message>
    <message>
        <source>I&apos;m fine now</source>
        <translation>我没事了</translation>
    </message>
    <message>
        <source>All right. Press “Call staff” whenever you need help.</source>
        <translation>好的。需要帮忙时，请随时按“呼叫工作人员”。</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>English</source>
        <extracomment>The name of the language of this catalogue, written in that language itself (中文, English, Deutsch). The language switch button shows it.</extracomment>
        <translation>中文</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <source>Press here and a member of staff will come to help you.</source>
        <translation>按这里，工作人员会过来帮您。</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Say it again</source>
        <translation>再说一遍</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>Questions and answers</source>
        <translation>常见问题</translation>
    </message>
    <message>
        <source>I&apos;m not sure what I need</source>
        <translation>我不知道要办什么</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Your number is {number}.</source>
        <extracomment>{number} is the queue number printed on the ticket, for example A023.</extracomment>
        <translation>您的号码是{number}号。</translation>
    </message>
    <message>
        <source>People waiting before you: {count}</source>
        <extracomment>{count} is how many customers are before this one in the queue (0 or more).</extracomment>
        <translation>您前面还有{count}人在等。</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>请从下方出票口取走您的号票。</translation>
    </message>
</context>
</TS>
