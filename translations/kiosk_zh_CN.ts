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
        <source>Standard colours</source>
        <translation>普通颜色</translation>
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
    <name>AlarmBanner</name>
    <message>
        <source>ESCALATED: nobody is coming to {kiosk}, {place} ({what}).</source>
        <translation>已升级：仍无人前往{kiosk}（{place}）——{what}。</translation>
    </message>
    <message>
        <source>Help call at {kiosk}, {place}: {what}.</source>
        <translation>{kiosk}（{place}）有客户求助：{what}。</translation>
    </message>
    <message>
        <source>DRILL: {alarm}</source>
        <translation>演练：{alarm}</translation>
    </message>
    <message>
        <source>{count} calls are waiting for someone to come.</source>
        <translation>共有{count}个求助在等人前往。</translation>
    </message>
    <message>
        <source>{kiosk} ({place}) has gone silent: customers there cannot call for help.</source>
        <translation>{kiosk}（{place}）已失去联系：那里的客户无法呼叫工作人员。</translation>
    </message>
</context>
<context>
    <name>AlarmStrip</name>
    <message>
        <source>Silence</source>
        <translation>静音</translation>
    </message>
    <message>
        <source>Silence the alarm sound (the calls stay)</source>
        <translation>关闭提示音（求助仍保留）</translation>
    </message>
    <message>
        <source>Sound silenced: the alarm still needs someone.</source>
        <translation>已静音：仍需要有人处理。</translation>
    </message>
</context>
<context>
    <name>AnnouncementScreen</name>
    <message>
        <source>Notice from the branch</source>
        <translation>网点通知</translation>
    </message>
    <message>
        <source>If you need a person, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;).</extracomment>
        <translation>需要人帮忙，请按右下角的“{help}”。</translation>
    </message>
</context>
<context>
    <name>AnnouncementsPanel</name>
    <message>
        <source>Shown</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>已撤下</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>其他工作台</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to send announcements.</source>
        <translation>请先登录（或解锁）再发布公告。</translation>
    </message>
    <message>
        <source>Type the announcement first, in every language you can.</source>
        <translation>请先输入公告内容，尽量每种语言都填写。</translation>
    </message>
    <message>
        <source>Announcement sent.</source>
        <translation>公告已发布。</translation>
    </message>
    <message>
        <source>Announcement cleared.</source>
        <translation>公告已撤下。</translation>
    </message>
    <message>
        <source>The announcement was not sent: the hub refused it or did not answer.</source>
        <translation>公告未发布：支行服务拒绝了或没有回应。</translation>
    </message>
    <message>
        <source>No announcement is showing on kiosks and displays.</source>
        <translation>自助机和叫号屏上目前没有公告。</translation>
    </message>
    <message>
        <source>Showing on every kiosk and display: {text}</source>
        <translation>所有自助机和叫号屏正在显示：{text}</translation>
    </message>
    <message>
        <source>Clear the announcement</source>
        <translation>撤下公告</translation>
    </message>
    <message>
        <source>Prepared announcements (sent in every language)</source>
        <translation>常用公告（以所有语言发布）</translation>
    </message>
    <message>
        <source>Or type one</source>
        <translation>或输入新公告</translation>
    </message>
    <message>
        <source>Send this announcement</source>
        <translation>发布这条公告</translation>
    </message>
    <message>
        <source>Send the typed announcement</source>
        <translation>发布输入的公告</translation>
    </message>
    <message>
        <source>Announcements log</source>
        <translation>公告记录</translation>
    </message>
    <message>
        <source>Prepared announcements</source>
        <translation>常用公告</translation>
    </message>
    <message>
        <source>Text in {language}</source>
        <translation>{language}内容</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>AnswerScreen</name>
    <message>
        <source>Drag the text up or down with your finger to read more.</source>
        <translation>用手指把文字往上或往下拖，可以看到更多内容。</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>再读一遍</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
    <message>
        <source>Earlier text</source>
        <translation>看前面</translation>
    </message>
    <message>
        <source>More text</source>
        <translation>看后面</translation>
    </message>
</context>
<context>
    <name>CallChecklists</name>
    <message>
        <source>Go at once and bring the first-aid kit.</source>
        <translation>立即前往，带上急救箱。</translation>
    </message>
    <message>
        <source>Stay with the customer; keep them seated and calm.</source>
        <translation>陪在客户身边，请客户坐下，帮助其保持平静。</translation>
    </message>
    <message>
        <source>If they are seriously unwell, call 120 for an ambulance now.</source>
        <translation>如情况严重，立即拨打120呼叫救护车。</translation>
    </message>
    <message>
        <source>Tell the lobby manager.</source>
        <translation>通知大堂经理。</translation>
    </message>
    <message>
        <source>Tell the customer&apos;s family, with the customer&apos;s agreement.</source>
        <translation>征得客户同意后，通知其家属。</translation>
    </message>
    <message>
        <source>Approach calmly; do not say why you came in front of others.</source>
        <translation>从容上前，不要当着他人说明来意。</translation>
    </message>
    <message>
        <source>Invite the customer to talk privately, away from any companion.</source>
        <translation>请客户到一旁单独谈话，避开同行人员。</translation>
    </message>
    <message>
        <source>Fetch the lobby manager.</source>
        <translation>请大堂经理过来。</translation>
    </message>
    <message>
        <source>Hold any large transfer until the customer has talked with you.</source>
        <translation>在与客户谈话之前，暂缓办理大额转账。</translation>
    </message>
    <message>
        <source>If someone is pressuring or threatening the customer, call the police on 110.</source>
        <translation>如有人胁迫或威胁客户，拨打110报警。</translation>
    </message>
    <message>
        <source>Go to the kiosk and greet the customer by name if you know it.</source>
        <translation>前往自助机，问候客户（知道姓名时称呼其姓名）。</translation>
    </message>
    <message>
        <source>Ask what they need; speak slowly and clearly.</source>
        <translation>询问客户需要什么，说话慢一点、清楚一点。</translation>
    </message>
    <message>
        <source>Offer reading glasses or a magnifier if reading is hard.</source>
        <translation>如客户看不清，提供老花镜或放大镜。</translation>
    </message>
    <message>
        <source>Accompany them to the right counter or through the task.</source>
        <translation>陪同客户到对应窗口，或陪同办完业务。</translation>
    </message>
</context>
<context>
    <name>CallsTable</name>
    <message>
        <source>DRILL: {kiosk}</source>
        <extracomment>A drill call&apos;s kiosk column; {kiosk} is the kiosk&apos;s name.</extracomment>
        <translation>演练：{kiosk}</translation>
    </message>
    <message>
        <source>{name} was coming but is no longer signed in.</source>
        <extracomment>{name}: staff who pressed &quot;I&apos;m coming&quot; and then signed out or whose desk died.</extracomment>
        <translation>{name} 本来正在赶来，但已不在登录状态。</translation>
    </message>
    <message>
        <source>{desk} confirmed this call and then went silent.</source>
        <extracomment>{desk}: the console(s) that confirmed the call and then stopped sending heartbeats.</extracomment>
        <translation>{desk} 确认过这个呼叫，之后失去联系。</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>ESCALATED (level {level}): nobody is coming yet</source>
        <extracomment>{level} is 1, 2, 3...: how many times the call has escalated.</extracomment>
        <translation>已升级（第{level}级）：仍无人前往</translation>
    </message>
    <message>
        <source>New: not yet confirmed to the customer</source>
        <translation>新求助：尚未向客户确认</translation>
    </message>
    <message>
        <source>Waiting for someone to come</source>
        <translation>等待有人前往</translation>
    </message>
    <message>
        <source>{name} is with the customer (reminder {level}: close the call when done)</source>
        <extracomment>{name} is a member of staff; {level} counts the reminders.</extracomment>
        <translation>{name}已在客户身边（第{level}次提醒：处理完请结束求助）</translation>
    </message>
    <message>
        <source>{name} is coming (reminder {level}: close the call when done)</source>
        <translation>{name}正在前往（第{level}次提醒：处理完请结束求助）</translation>
    </message>
    <message>
        <source>{name} is with the customer</source>
        <translation>{name}已在客户身边</translation>
    </message>
    <message>
        <source>{name} is coming</source>
        <translation>{name}正在前往</translation>
    </message>
    <message>
        <source>{name} (also: {others})</source>
        <extracomment>{name}: who is going; {others}: others who also pressed &quot;I&apos;m coming&quot;.</extracomment>
        <translation>{name}（另有：{others}）</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等候</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Who is coming</source>
        <translation>前往人员</translation>
    </message>
</context>
<context>
    <name>CategoriesScreen</name>
    <message>
        <source>Choose a topic. The answers are shown in large text and read aloud.</source>
        <translation>请选一个类别。回答会用大字显示，还会读给您听。</translation>
    </message>
    <message>
        <source>Sorry, the questions and answers cannot be shown just now. Please ask the staff in the lobby.</source>
        <translation>抱歉，常见问题现在打不开。请问大堂的工作人员。</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>What to do</source>
        <translation>处理步骤</translation>
    </message>
</context>
<context>
    <name>ChoicePages</name>
    <message>
        <source>Previous choices</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>More choices</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <extracomment>Beside the buttons that turn the pages of a list. {page} and {count} are numbers (1, 2).</extracomment>
        <translation>第{page}页，共{count}页</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <source>Locked: {name}</source>
        <translation>已锁定：{name}</translation>
    </message>
    <message>
        <source>Signed in: {name}</source>
        <translation>已登录：{name}</translation>
    </message>
    <message>
        <source>Not connected to the branch network: calls from kiosks cannot reach this desk. Reconnecting…</source>
        <translation>未连接支行网络：自助机的求助无法送达本工作台。正在重新连接……</translation>
    </message>
    <message>
        <source>Connected. The hub is offline: calls still arrive here, and this desk escalates them itself.</source>
        <translation>已连接。支行服务离线：求助仍会送达本工作台，由本工作台自行升级。</translation>
    </message>
    <message>
        <source>Connected; the hub is online.</source>
        <translation>已连接，支行服务在线。</translation>
    </message>
    <message>
        <source>Bank kiosk staff console, version {version}
Desk: {desk} ({device})
Branch: {branch}
Python {python}, Qt {qt}</source>
        <translation>银行自助机员工控制台，版本 {version}
工位：{desk}（{device}）
网点：{branch}
Python {python}，Qt {qt}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>This is the only staff console open in the branch. If you close it, help calls from kiosks will reach nobody. Close it anyway?</source>
        <translation>这是支行里唯一打开的员工工作台。关闭后，自助机的求助将无人接收。确定要关闭吗？</translation>
    </message>
    <message>
        <source>{desk}, {branch}: staff console</source>
        <translation>{branch}{desk}：员工工作台</translation>
    </message>
    <message>
        <source>{branch}: {desk}</source>
        <translation>{branch}：{desk}</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>排队叫号</translation>
    </message>
    <message>
        <source>Desk tickets</source>
        <translation>出号与过号</translation>
    </message>
    <message>
        <source>Kiosks</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <source>Announcements</source>
        <translation>公告</translation>
    </message>
    <message>
        <source>History</source>
        <translation>求助记录</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>ConsoleWords</name>
    <message>
        <source>Help (reason not given yet)</source>
        <translation>求助（尚未说明原因）</translation>
    </message>
    <message>
        <source>Medical: feels unwell</source>
        <translation>身体不适</translation>
    </message>
    <message>
        <source>Special attention: approach calmly</source>
        <translation>特别关注：请从容上前</translation>
    </message>
    <message>
        <source>Needs someone to guide them</source>
        <translation>需要有人引导</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>其他求助</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>已帮助</translation>
    </message>
    <message>
        <source>Medical: ambulance called</source>
        <translation>身体不适：已叫救护车</translation>
    </message>
    <message>
        <source>Special attention: handled</source>
        <translation>特别关注：已处理</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>无需帮助</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>The hub no longer knows your sign-in. Please sign in again.</source>
        <translation>支行服务已不认可您的登录，请重新登录。</translation>
    </message>
    <message>
        <source>This desk may not do that: a counter calls and closes only its own tickets.</source>
        <translation>本工作台不能这样操作：每个窗口只能呼叫和办结本窗口的号。</translation>
    </message>
    <message>
        <source>The hub refused an old or repeated request. Please try again.</source>
        <translation>支行服务拒绝了过期或重复的请求，请再试一次。</translation>
    </message>
    <message>
        <source>Nobody is waiting for the services of this counter.</source>
        <translation>本窗口办理的业务目前无人等候。</translation>
    </message>
    <message>
        <source>The hub does not know that ticket.</source>
        <translation>支行服务找不到这个号。</translation>
    </message>
    <message>
        <source>That ticket cannot do that now; it may already be finished.</source>
        <translation>这个号现在不能这样操作，可能已经办结。</translation>
    </message>
    <message>
        <source>The hub does not know that service.</source>
        <translation>支行服务找不到这项业务。</translation>
    </message>
    <message>
        <source>No service is served at this counter.</source>
        <translation>本窗口没有办理任何业务。</translation>
    </message>
    <message>
        <source>The hub does not know that kiosk.</source>
        <translation>支行服务找不到这台自助机。</translation>
    </message>
    <message>
        <source>That kiosk cannot run a drill now: a customer is using it, it is offline, or it has an open call.</source>
        <translation>这台自助机现在不能演练：有客户正在使用、设备离线，或有未结束的求助。</translation>
    </message>
    <message>
        <source>The hub does not know that prepared message.</source>
        <translation>支行服务找不到这条常用公告。</translation>
    </message>
    <message>
        <source>No more tickets can be issued for that service today.</source>
        <translation>这项业务今天不能再出号了。</translation>
    </message>
    <message>
        <source>Wrong PIN, or not a staff member. Try again.</source>
        <translation>密码不对，或不是本行员工。请再试一次。</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <extracomment>{seconds} is a whole number of seconds.</extracomment>
        <translation>密码错误次数过多，请{seconds}秒后再试。</translation>
    </message>
    <message>
        <source>This person may not sign in here.</source>
        <translation>此人不能在这里登录。</translation>
    </message>
    <message>
        <source>That call is not open.</source>
        <translation>这个求助已经结束。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Partly working</source>
        <translation>部分可用</translation>
    </message>
    <message>
        <source>Not working</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>客户使用中</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Staff desk</source>
        <translation>员工工作台</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>叫号屏</translation>
    </message>
    <message>
        <source>Branch hub</source>
        <translation>支行服务</translation>
    </message>
    <message>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未收到</translation>
    </message>
    <message>
        <source>{duration} ago</source>
        <extracomment>{duration} is minutes:seconds, e.g. 0:07.</extracomment>
        <translation>{duration}前</translation>
    </message>
</context>
<context>
    <name>DeskTicketsPanel</name>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>没有发出：本工作台没有连接。</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>服务器没有回答。请查看排队情况，确认是否已经办好。</translation>
    </message>
    <message>
        <source>{number} is back in line.</source>
        <extracomment>{number}: the missed ticket, now waiting again.</extracomment>
        <translation>{number}已重新排队。</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. Tell the customer the number.</source>
        <extracomment>{number}: the new ticket; {service}: its service; {ahead}: people before it.</extracomment>
        <translation>{service}号码{number}，前面还有{ahead}人。请告诉客户这个号码。</translation>
    </message>
    <message>
        <source>Ticket {number} for {service}. People before it: {ahead}. It is printing at {kiosk}.</source>
        <extracomment>{kiosk}: the kiosk that prints the ticket.</extracomment>
        <translation>{service}号码{number}，前面还有{ahead}人。正在{kiosk}打印。</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to issue or return tickets.</source>
        <translation>请先登录（或解锁），再出号或重新排队。</translation>
    </message>
    <message>
        <source>Issue a ticket for a customer at the desk or on the phone</source>
        <translation>为柜台前或电话中的客户出号</translation>
    </message>
    <message>
        <source>Elderly priority</source>
        <translation>老年人优先</translation>
    </message>
    <message>
        <source>Issue ticket</source>
        <translation>出号</translation>
    </message>
    <message>
        <source>Missed numbers: called, did not come, not back yet</source>
        <translation>过号：已叫号、未到、尚未重新排队</translation>
    </message>
    <message>
        <source>Put back in line</source>
        <translation>重新排队</translation>
    </message>
    <message>
        <source>Service of the new ticket</source>
        <translation>新号码的业务</translation>
    </message>
    <message>
        <source>Where to print the new ticket</source>
        <translation>新号码在哪里打印</translation>
    </message>
    <message>
        <source>Missed numbers</source>
        <translation>过号</translation>
    </message>
    <message>
        <source>Show at this desk only</source>
        <translation>只在本工作台显示</translation>
    </message>
    <message>
        <source>Print at {kiosk}</source>
        <extracomment>{kiosk}: a kiosk&apos;s name, e.g. &quot;Kiosk by the door&quot;.</extracomment>
        <translation>在{kiosk}打印</translation>
    </message>
</context>
<context>
    <name>DisplayBoard</name>
    <message>
        <source>Now calling</source>
        <translation>正在叫号</translation>
    </message>
    <message>
        <source>Please go to counter {counter}</source>
        <extracomment>Under the newest number on the wall display. {counter} is the counter&apos;s number, e.g. 3.</extracomment>
        <translation>请到{counter}号窗口</translation>
    </message>
    <message>
        <source>Number {number}, please go to counter {counter}.</source>
        <extracomment>Spoken for each called number. {number} is the ticket (A042), {counter} a number (3).</extracomment>
        <translation>请{number}号到{counter}号窗口。</translation>
    </message>
    <message>
        <source>Called before</source>
        <extracomment>Above the list of numbers called before the newest one on the wall display.</extracomment>
        <translation>刚才叫过的号</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Please wait to be called</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <source>Missed your number? Ask in the lobby</source>
        <extracomment>Under the calls on the wall display, before the numbers called that did not come and have not come back (the numbers follow on the next line). Keep it short.</extracomment>
        <translation>过号请到大堂咨询</translation>
    </message>
    <message>
        <source>Not connected: new calls may not show</source>
        <extracomment>Shown on the wall display while it cannot reach the branch system.</extracomment>
        <translation>连接中断，新的叫号可能不会显示</translation>
    </message>
</context>
<context>
    <name>DrillsPanel</name>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Has an open help call</source>
        <translation>有未结束的求助</translation>
    </message>
    <message>
        <source>A customer is using it</source>
        <translation>客户使用中</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Confirmed after</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <source>&quot;I&apos;m coming&quot; after</source>
        <translation>“我来了”用时</translation>
    </message>
    <message>
        <source>Arrived after</source>
        <translation>到达用时</translation>
    </message>
    <message>
        <source>Closed after</source>
        <translation>结束用时</translation>
    </message>
    <message>
        <source>Who came</source>
        <translation>前往人员</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Ready for a drill?</source>
        <translation>能否演练</translation>
    </message>
    <message>
        <source>Ready: free and online</source>
        <translation>可以：空闲且在线</translation>
    </message>
    <message>
        <source>Saved {count} drills to {file}</source>
        <translation>已将{count}次演练保存到{file}</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to start a drill.</source>
        <translation>请先登录（或解锁）再开始演练。</translation>
    </message>
    <message>
        <source>Drill started on {kiosk}. Answer it like a real call, and close it as a drill.</source>
        <translation>{kiosk}已开始演练。请像真实求助一样处理，结束时选择“演练”。</translation>
    </message>
    <message>
        <source>The hub did not answer; no drill was started.</source>
        <translation>支行服务没有回应，演练未开始。</translation>
    </message>
    <message>
        <source>A drill raises a practice help call on a free kiosk. Everything happens as for a real call, marked DRILL on every screen, and the drill is kept out of the real figures. A real help call during a drill is still a real call.</source>
        <translation>演练会在一台空闲的自助机上发起一次练习求助。整个流程与真实求助相同，所有屏幕都标明“演练”，演练不计入真实统计。演练期间的真实求助仍按真实求助处理。</translation>
    </message>
    <message>
        <source>Start a drill on this kiosk</source>
        <translation>在这台自助机上开始演练</translation>
    </message>
    <message>
        <source>Drills: time of every step after the start</source>
        <translation>演练：每一步距开始的用时</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为CSV……</translation>
    </message>
    <message>
        <source>Kiosks for a drill</source>
        <translation>可演练的自助机</translation>
    </message>
</context>
<context>
    <name>FeedbackScreen</name>
    <message>
        <source>How was your visit today?</source>
        <translation>您今天办事还满意吗？</translation>
    </message>
    <message>
        <source>You do not have to answer. We do not record who you are.</source>
        <translation>可以不回答。我们不会记录您是谁。</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Not good</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>I&apos;d rather not say</source>
        <translation>不想回答</translation>
    </message>
    <message>
        <source>Thank you for telling us. We hope to see you again.</source>
        <translation>谢谢您告诉我们。欢迎您再来。</translation>
    </message>
</context>
<context>
    <name>FigureChart</name>
    <message>
        <source>{group}: median {median}, 90% within {p90}</source>
        <translation>{group}：中位数{median}，90%在{p90}以内</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第90百分位</translation>
    </message>
    <message>
        <source>No calls to show yet.</source>
        <translation>暂无求助数据。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>FileChoice</name>
    <message>
        <source>Save as CSV</source>
        <translation>保存为CSV</translation>
    </message>
</context>
<context>
    <name>FloatingAlarm</name>
    <message>
        <source>Open the console</source>
        <translation>打开工作台</translation>
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
    <name>FraudCheckScreen</name>
    <message>
        <source>Before your ticket, a short question ({number} of {count}). Please answer yes or no.</source>
        <extracomment>Above each fraud-check question. {number} is this question&apos;s place (1, 2, 3), {count} how many there are.</extracomment>
        <translation>取号之前，请回答一个小问题（第{number}个，共{count}个）。请回答“是”或“不是”。</translation>
    </message>
    <message>
        <source>Yes, someone has</source>
        <translation>是，有人这样说过</translation>
    </message>
    <message>
        <source>No, nobody has</source>
        <translation>不是，没有人这样说</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Calling staff now</source>
        <translation>正在呼叫工作人员</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>已通知工作人员</translation>
    </message>
    <message>
        <source>{name} is on the way</source>
        <extracomment>{name} is the member of staff who accepted the call, e.g. 李明.</extracomment>
        <translation>{name}正在过来</translation>
    </message>
    <message>
        <source>Staff are on the way</source>
        <translation>工作人员正在过来</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>工作人员到了</translation>
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
    <name>HelpCallsPanel</name>
    <message>
        <source>Help calls: {open} open, {waiting} waiting for someone to come</source>
        <translation>求助：{open}个未结束，{waiting}个等待有人前往</translation>
    </message>
    <message>
        <source>Select a call to answer it.</source>
        <translation>请选择一个求助进行处理。</translation>
    </message>
    <message>
        <source>{kiosk}, {place}: {what}. Waiting {waited}. {state}.</source>
        <translation>{kiosk}（{place}）：{what}。已等候{waited}。{state}。</translation>
    </message>
    <message>
        <source>{drill}: this is a practice call. {details}</source>
        <translation>{drill}：这是一次练习求助。{details}</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>未发送：{reason}</translation>
    </message>
    <message>
        <source>The customer pressed &quot;I&apos;m fine now&quot;; someone must still go and close the call.</source>
        <translation>客户按了“我没事了”，仍需有人前往并结束求助。</translation>
    </message>
    <message>
        <source>You are going. Press &quot;Arrived&quot; when you reach the customer.</source>
        <translation>由您前往。到达客户身边后请按“已到达”。</translation>
    </message>
    <message>
        <source>{name} is going: they pressed &quot;I&apos;m coming&quot; first. You need not go.</source>
        <translation>由{name}前往：对方先按了“我来了”。您不必前往。</translation>
    </message>
    <message>
        <source>{name} is going.</source>
        <translation>由{name}前往。</translation>
    </message>
    <message>
        <source>I&apos;m coming too</source>
        <translation>我也去</translation>
    </message>
    <message>
        <source>I&apos;m coming</source>
        <translation>我来了</translation>
    </message>
    <message>
        <source>Sign in below to answer calls.</source>
        <translation>请在下方登录后处理求助。</translation>
    </message>
    <message>
        <source>This desk is locked: sign in again below to answer.</source>
        <translation>本工作台已锁定：请在下方重新登录后处理。</translation>
    </message>
    <message>
        <source>No open help calls.</source>
        <translation>目前没有未结束的求助。</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到达</translation>
    </message>
    <message>
        <source>Close the call…</source>
        <translation>结束求助……</translation>
    </message>
    <message>
        <source>Open help calls</source>
        <translation>未结束的求助</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Calling staff</source>
        <translation>正在呼叫工作人员</translation>
    </message>
    <message>
        <source>You may tell staff more. You do not have to: we are already calling them.</source>
        <translation>您可以再选一项告诉工作人员。不选也没关系，我们已经在叫人了。</translation>
    </message>
    <message>
        <source>You told staff: {choice}</source>
        <extracomment>{choice} is the text of the choice the customer pressed, e.g. &quot;I feel unwell&quot;.</extracomment>
        <translation>您告诉工作人员：{choice}</translation>
    </message>
    <message>
        <source>For staff: close this call</source>
        <translation>工作人员：结束这次呼叫</translation>
    </message>
    <message>
        <source>Yes, I was helped</source>
        <translation>是，帮到了</translation>
    </message>
    <message>
        <source>No</source>
        <translation>没有</translation>
    </message>
    <message>
        <source>Please wait here. This screen will tell you when staff have been told.</source>
        <translation>请在这里稍等。工作人员收到呼叫后，屏幕会告诉您。</translation>
    </message>
    <message>
        <source>Staff cannot be reached right now</source>
        <translation>暂时联系不上工作人员</translation>
    </message>
    <message>
        <source>Please go to the counter, or ask anyone nearby to help you. We keep calling.</source>
        <translation>请到柜台找工作人员，或者请身边的人帮忙。我们会继续呼叫。</translation>
    </message>
    <message>
        <source>Staff have been told</source>
        <translation>已经通知工作人员</translation>
    </message>
    <message>
        <source>A member of staff will come to you soon. Please wait here.</source>
        <translation>工作人员马上就来，请在这里稍等。</translation>
    </message>
    <message>
        <source>We are still calling</source>
        <translation>我们还在呼叫</translation>
    </message>
    <message>
        <source>Please sit down if you can. If you feel worse, tell anyone nearby at once.</source>
        <translation>能坐的话请先坐下。如果觉得更不舒服，请马上告诉身边的人。</translation>
    </message>
    <message>
        <source>Help is on the way</source>
        <translation>工作人员正在过来</translation>
    </message>
    <message>
        <source>Staff are here</source>
        <translation>工作人员到了</translation>
    </message>
    <message>
        <source>{name} is here to help you.</source>
        <extracomment>{name} is the member of staff who has come to the customer.</extracomment>
        <translation>{name}已经到了，会帮助您。</translation>
    </message>
    <message>
        <source>A member of staff is here to help you.</source>
        <translation>工作人员已经到了，会帮助您。</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>谢谢您</translation>
    </message>
    <message>
        <source>Thank you for telling us. Press Home to start again.</source>
        <translation>谢谢您告诉我们。按“首页”可以重新开始。</translation>
    </message>
    <message>
        <source>Were you helped?</source>
        <translation>工作人员帮到您了吗？</translation>
    </message>
    <message>
        <source>Please tell us with a button below.</source>
        <translation>请按下面的按钮告诉我们。</translation>
    </message>
    <message>
        <source>Thank you. A member of staff will still come to see you.</source>
        <translation>好的。工作人员还是会过来看看您。</translation>
    </message>
    <message>
        <source>Please sit down if you can.</source>
        <translation>能坐的话请先坐下。</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>工作人员会过来，陪您一起办理。</translation>
    </message>
    <message>
        <source>Practice: staff are practising. This is not a real call for help.</source>
        <translation>演练：工作人员正在练习，这不是真的求助。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Raised</source>
        <translation>求助时间</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>Coming</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应用时</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>未结束</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Saved {count} calls to {file}</source>
        <translation>已将{count}条求助保存到{file}</translation>
    </message>
    <message>
        <source>{count} calls, {drills} drills</source>
        <translation>求助{count}次，演练{drills}次</translation>
    </message>
    <message>
        <source>Export as CSV…</source>
        <translation>导出为CSV……</translation>
    </message>
    <message>
        <source>Past help calls</source>
        <translation>求助记录</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Welcome to {branch}</source>
        <translation>欢迎光临{branch}</translation>
    </message>
    <message>
        <source>Please choose below. If you would like a person to help you, press &quot;{help}&quot; at the bottom right.</source>
        <extracomment>{help} is the words on the help button (&quot;Call staff&quot;): the button is named by its words and its place, never by its colour alone.</extracomment>
        <translation>请在下面选择。需要工作人员帮忙，请按右下角的“{help}”。</translation>
    </message>
    <message>
        <source>Staff cannot be reached from this kiosk just now.</source>
        <translation>这台机器暂时联系不上工作人员。</translation>
    </message>
    <message>
        <source>If you need help, please go to the counter.</source>
        <translation>需要帮助，请到柜台。</translation>
    </message>
    <message>
        <source>Get a number and wait to be called to a counter.</source>
        <translation>取一个号，听到叫号再去窗口办理。</translation>
    </message>
    <message>
        <source>Answers to common questions, in large text and read aloud.</source>
        <translation>常见问题的回答，用大字显示，还会读给您听。</translation>
    </message>
    <message>
        <source>A member of staff will come and go with you.</source>
        <translation>工作人员会过来，陪您一起办理。</translation>
    </message>
    <message>
        <source>Text size and sound</source>
        <translation>字体和声音</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>我过号了</translation>
    </message>
    <message>
        <source>Type the number on your ticket to go back in line.</source>
        <translation>输入您票上的号码，重新排队。</translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <source>Do you need more time?</source>
        <translation>您还需要时间吗？</translation>
    </message>
    <message>
        <source>If you do, press the button below.</source>
        <translation>需要的话，请按下面的按钮。</translation>
    </message>
    <message>
        <source>Going back to the start for the next customer.</source>
        <translation>正在回到开始页面，留给下一位客户。</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in 1 second, for the next customer.</source>
        <translation>如果没有人碰屏幕，1秒后会回到开始页面，留给下一位客户。</translation>
    </message>
    <message>
        <source>If nobody touches the screen, it goes back to the start in {seconds} seconds, for the next customer.</source>
        <extracomment>{seconds} is the whole number of seconds left (2 or more), updated as they pass.</extracomment>
        <translation>如果没有人碰屏幕，{seconds}秒后会回到开始页面，留给下一位客户。</translation>
    </message>
    <message>
        <source>I need more time</source>
        <translation>我还需要时间</translation>
    </message>
</context>
<context>
    <name>KiosksPanel</name>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>OFFLINE: gone silent</source>
        <translation>离线：已失去联系</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last heard</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>In use / signed in</source>
        <translation>使用／登录</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Stored calls</source>
        <translation>求助记录存储</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>went silent (alarm)</source>
        <translation>失去联系（已报警）</translation>
    </message>
    <message>
        <source>heard again (alarm over)</source>
        <translation>恢复联系（报警解除）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Noted: stop the alarm for this kiosk</source>
        <translation>已知晓：停止这台自助机的报警</translation>
    </message>
    <message>
        <source>A kiosk that goes silent alarms until it is heard again: customers there cannot call for help. Send someone to look, then press &quot;Noted&quot;.</source>
        <translation>自助机失去联系会一直报警，直到恢复联系：那里的客户无法呼叫工作人员。请派人查看，然后按“已知晓”。</translation>
    </message>
    <message>
        <source>Kiosks gone silent and back</source>
        <translation>自助机失联与恢复记录</translation>
    </message>
    <message>
        <source>Devices of the branch</source>
        <translation>支行设备</translation>
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
    <name>LostOfferScreen</name>
    <message>
        <source>Would you like a member of staff to come and help you?</source>
        <translation>需要工作人员过来帮您吗？</translation>
    </message>
    <message>
        <source>Yes, please</source>
        <translation>需要，请工作人员过来</translation>
    </message>
    <message>
        <source>No, thank you</source>
        <translation>不用了，谢谢</translation>
    </message>
</context>
<context>
    <name>MagnifierButton</name>
    <message>
        <source>Zoom on</source>
        <translation>放大镜 开</translation>
    </message>
    <message>
        <source>Zoom off</source>
        <translation>放大镜 关</translation>
    </message>
    <message>
        <source>Touch the screen to see it larger; press here again to stop.</source>
        <translation>手指点到哪里，哪里就放大；再按这里关掉。</translation>
    </message>
    <message>
        <source>Makes what you touch larger, like reading glasses.</source>
        <translation>像老花镜一样，把手指点到的地方放大。</translation>
    </message>
</context>
<context>
    <name>MissedScreen</name>
    <message>
        <source>Your number: {number}</source>
        <extracomment>{number}: what the customer has typed so far, e.g. A05.</extracomment>
        <translation>您的号码：{number}</translation>
    </message>
    <message>
        <source>Your number: (not typed yet)</source>
        <translation>您的号码：（还没有输入）</translation>
    </message>
    <message>
        <source>I missed my number</source>
        <translation>我过号了</translation>
    </message>
    <message>
        <source>Type the number on your ticket: first its letter, then its digits. We will put you back in line.</source>
        <translation>请输入您票上的号码：先按字母，再按数字。我们帮您重新排队。</translation>
    </message>
    <message>
        <source>Letter {letter}</source>
        <extracomment>{letter}: a ticket number&apos;s letter, e.g. A.</extracomment>
        <translation>字母{letter}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Put me back in line</source>
        <translation>帮我重新排队</translation>
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
    <message>
        <source>Scroll up and down</source>
        <extracomment>The scroll bar beside a screen whose words need more room than the panel has.</extracomment>
        <translation>上下滑动</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>PrintedTicket</name>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Expected wait: {low} to {high} minutes</source>
        <extracomment>{low} and {high} are whole minutes, e.g. &quot;Expected wait: 10 to 20 minutes&quot;.</extracomment>
        <translation>预计等候{low}到{high}分钟</translation>
    </message>
    <message>
        <source>Expected wait: up to {high} minutes</source>
        <extracomment>{high} is whole minutes, e.g. &quot;Expected wait: up to 5 minutes&quot;.</extracomment>
        <translation>预计等候不超过{high}分钟</translation>
    </message>
    <message>
        <source>Nobody is waiting before you.</source>
        <translation>您前面没有人在等候。</translation>
    </message>
    <message>
        <source>One person is waiting before you.</source>
        <translation>您前面还有1人在等候。</translation>
    </message>
    <message>
        <source>{count} people are waiting before you.</source>
        <extracomment>{count} is the number of customers waiting before this one now (2 or more).</extracomment>
        <translation>您前面还有{count}人在等候。</translation>
    </message>
    <message>
        <source>Expected wait: under 1 minute</source>
        <extracomment>The hub&apos;s wait estimate is under one minute.</extracomment>
        <translation>预计等候不到1分钟</translation>
    </message>
    <message>
        <source>Expected wait: about {low} minutes</source>
        <extracomment>{low} is whole minutes, e.g. &quot;Expected wait: about 5 minutes&quot;.</extracomment>
        <translation>预计等候约{low}分钟</translation>
    </message>
    <message>
        <source>Taken: {date} {time}</source>
        <extracomment>{date} is like 2026-11-27 and {time} like 09:15, when the ticket was taken.</extracomment>
        <translation>取号时间：{date} {time}</translation>
    </message>
    <message>
        <source>Scan the code with your phone to see your place in the queue.</source>
        <translation>用手机扫一扫，可以看排队进度。</translation>
    </message>
    <message>
        <source>Please listen for your number. If you miss it, please ask the staff in the lobby.</source>
        <translation>请留意叫号。过了号，请问大堂的工作人员。</translation>
    </message>
    <message>
        <source>Ticket {number}</source>
        <extracomment>The printed file&apos;s title, seen by staff in the printer&apos;s job list. {number}: A042.</extracomment>
        <translation>号票{number}</translation>
    </message>
</context>
<context>
    <name>PriorityScreen</name>
    <message>
        <source>Would you like priority service?</source>
        <translation>您需要优先办理吗？</translation>
    </message>
    <message>
        <source>Priority service is for elderly customers and for anyone who needs assistance. Just choose, nobody will ask you why.</source>
        <translation>老年人和需要帮助的客户可以优先办理。您自己选就行，没有人会问为什么。</translation>
    </message>
    <message>
        <source>Yes, I would like priority service</source>
        <translation>需要，我要优先办理</translation>
    </message>
    <message>
        <source>No, a normal ticket</source>
        <translation>不用，普通取号</translation>
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
    <name>QuestionsScreen</name>
    <message>
        <source>Choose a question.</source>
        <translation>请选一个问题。</translation>
    </message>
    <message>
        <source>There are no questions here just now.</source>
        <translation>这里暂时没有问题。</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>At the counter for</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>Sign in (or unlock) to serve the queue.</source>
        <translation>请先登录（或解锁）再叫号。</translation>
    </message>
    <message>
        <source>Not sent: this desk is not connected.</source>
        <translation>未发送：本工作台未连接。</translation>
    </message>
    <message>
        <source>The hub did not answer. Look at the queue to see whether it happened.</source>
        <translation>支行服务没有回应。请查看排队情况，确认操作是否已完成。</translation>
    </message>
    <message>
        <source>Called {number} to counter {counter}.</source>
        <extracomment>{number}: the ticket called; {counter}: this counter&apos;s number.</extracomment>
        <translation>已呼叫{number}到{counter}号窗口。</translation>
    </message>
    <message>
        <source>Called {number} again.</source>
        <translation>已再次呼叫{number}。</translation>
    </message>
    <message>
        <source>{number} marked as not come.</source>
        <translation>{number}已记为未到。</translation>
    </message>
    <message>
        <source>{number} finished.</source>
        <translation>{number}已办结。</translation>
    </message>
    <message>
        <source>{number} moved to {service}.</source>
        <translation>{number}已转到{service}。</translation>
    </message>
    <message>
        <source>Counter {counter}: call the next customer, and close each ticket when done.</source>
        <translation>{counter}号窗口：呼叫下一位客户，办完后结束该号。</translation>
    </message>
    <message>
        <source>Lobby desk: counters call customers; from here you can close or move any ticket.</source>
        <translation>大堂工作台：由各窗口叫号；在这里可以结束或转移任何号。</translation>
    </message>
    <message>
        <source>Call next</source>
        <translation>呼叫下一位</translation>
    </message>
    <message>
        <source>Call again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Move ticket to this service</source>
        <translation>转到这项业务</translation>
    </message>
    <message>
        <source>Waiting, in the order they will be called</source>
        <translation>等候中（按叫号顺序）</translation>
    </message>
    <message>
        <source>At the counter now</source>
        <translation>正在窗口办理</translation>
    </message>
    <message>
        <source>Waiting tickets by service</source>
        <translation>各业务等候的号</translation>
    </message>
    <message>
        <source>Tickets at the counter</source>
        <translation>正在办理的号</translation>
    </message>
    <message>
        <source>Service to move the ticket to</source>
        <translation>要转到的业务</translation>
    </message>
</context>
<context>
    <name>QueueTree</name>
    <message>
        <source>Service / ticket</source>
        <translation>业务／号码</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等候</translation>
    </message>
    <message>
        <source>{service}: {count} waiting</source>
        <extracomment>{service}: a service&apos;s name; {count}: tickets waiting for it.</extracomment>
        <translation>{service}：{count}人等候</translation>
    </message>
    <message>
        <source>{count} priority</source>
        <translation>优先{count}人</translation>
    </message>
    <message>
        <source>★ Priority (elderly)</source>
        <translation>★ 优先（老年客户）</translation>
    </message>
</context>
<context>
    <name>ReportsPanel</name>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>号数</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>第90百分位</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>All right</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Helped after a call</source>
        <translation>求助后得到帮助</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>未得到帮助</translation>
    </message>
    <message>
        <source>Saved {count} rows to {file}</source>
        <translation>已将{count}行保存到{file}</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by kind of call</source>
        <translation>到“我来了”的用时（按求助类型）</translation>
    </message>
    <message>
        <source>Time to &quot;I&apos;m coming&quot;, by day</source>
        <translation>到“我来了”的用时（按日期）</translation>
    </message>
    <message>
        <source>Wait, by service</source>
        <translation>等候时间（按业务）</translation>
    </message>
    <message>
        <source>Wait, by day</source>
        <translation>等候时间（按日期）</translation>
    </message>
    <message>
        <source>At the counter, by service</source>
        <translation>办理时间（按业务）</translation>
    </message>
    <message>
        <source>Queue: waiting and service times</source>
        <translation>排队：等候和办理时间</translation>
    </message>
    <message>
        <source>What customers said</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <source>Response times as CSV…</source>
        <translation>响应时间导出CSV……</translation>
    </message>
    <message>
        <source>Tickets as CSV…</source>
        <translation>取号记录导出CSV……</translation>
    </message>
    <message>
        <source>Queue times as CSV…</source>
        <translation>排队时间导出CSV……</translation>
    </message>
    <message>
        <source>Feedback as CSV…</source>
        <translation>客户评价导出CSV……</translation>
    </message>
</context>
<context>
    <name>ResolveForm</name>
    <message>
        <source>Close the call</source>
        <translation>结束求助</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ServicesScreen</name>
    <message>
        <source>Which service do you need?</source>
        <translation>您要办什么业务？</translation>
    </message>
    <message>
        <source>Press the service. You will get a ticket with your number.</source>
        <translation>请按您要办的业务，机器会给您一个号码。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Text size and sound</source>
        <translation>字体和声音</translation>
    </message>
    <message>
        <source>Stop reading aloud</source>
        <translation>关闭语音播报</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>语言：{language}</translation>
    </message>
    <message>
        <source>Text size: large</source>
        <translation>字号：大</translation>
    </message>
    <message>
        <source>Text size: extra large</source>
        <translation>字号：特大</translation>
    </message>
    <message>
        <source>Colours: high contrast</source>
        <translation>颜色：醒目</translation>
    </message>
    <message>
        <source>Colours: standard</source>
        <translation>颜色：普通</translation>
    </message>
    <message>
        <source>Volume: {level} of {count}</source>
        <extracomment>{level} is the volume step now (1 is the quietest), {count} the number of steps.</extracomment>
        <translation>音量：{level}（共{count}级）</translation>
    </message>
    <message>
        <source>Speaking speed: slow</source>
        <translation>语速：慢</translation>
    </message>
    <message>
        <source>Speaking speed: normal</source>
        <translation>语速：正常</translation>
    </message>
</context>
<context>
    <name>SignInPanel</name>
    <message>
        <source>{name} (manager)</source>
        <translation>{name}（经理）</translation>
    </message>
    <message>
        <source>The hub did not answer, so the PIN could not be checked. Try again in a moment.</source>
        <translation>支行服务没有回应，无法核对密码。请稍后再试。</translation>
    </message>
    <message>
        <source>This desk is not connected, so the PIN could not be checked. Help calls still show here.</source>
        <translation>本工作台未连接，无法核对密码。求助仍会在这里显示。</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again.</source>
        <translation>您的登录已结束，请重新登录。</translation>
    </message>
    <message>
        <source>This desk is locked. {name}, enter your PIN to continue, or another person can sign in.</source>
        <translation>本工作台已锁定。{name}，请输入密码继续；也可以由其他人登录。</translation>
    </message>
    <message>
        <source>Sign in to answer help calls and serve the queue</source>
        <translation>登录后可处理求助和叫号</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while this desk is locked.</source>
        <translation>锁定期间，上方的求助仍会显示并响铃。</translation>
    </message>
    <message>
        <source>Help calls above keep showing and sounding while nobody is signed in.</source>
        <translation>无人登录时，上方的求助仍会显示并响铃。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Checking your PIN with the hub…</source>
        <translation>正在向支行服务核对密码……</translation>
    </message>
</context>
<context>
    <name>SoundBanner</name>
    <message>
        <source>This desk cannot sound the alarm ({problem}). Watch this screen for help calls and tell IT.</source>
        <translation>本工作台无法发出提示音（{problem}）。请留意屏幕上的求助，并通知信息技术人员。</translation>
    </message>
    <message>
        <source>Cannot sound the alarm: {desks}. Staff there see calls on screen only.</source>
        <translation>无法发出提示音的工作台：{desks}。那里的员工只能在屏幕上看到求助。</translation>
    </message>
</context>
<context>
    <name>StaffClosePanel</name>
    <message>
        <source>For staff: close this call</source>
        <translation>工作人员：结束这次呼叫</translation>
    </message>
    <message>
        <source>How did it end?</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <source>Customer helped</source>
        <translation>已帮助客户</translation>
    </message>
    <message>
        <source>No help needed</source>
        <translation>客户不需要帮助</translation>
    </message>
    <message>
        <source>Ambulance called</source>
        <translation>已叫救护车</translation>
    </message>
    <message>
        <source>The practice is over</source>
        <translation>演练结束</translation>
    </message>
</context>
<context>
    <name>StaffExitScreen</name>
    <message>
        <source>For staff: close the kiosk program</source>
        <translation>工作人员：关闭自助机程序</translation>
    </message>
    <message>
        <source>Kiosk {kiosk}
Version {version}</source>
        <translation>自助机 {kiosk}
版本 {version}</translation>
    </message>
</context>
<context>
    <name>StaffPinPanel</name>
    <message>
        <source>Thank you.</source>
        <translation>谢谢。</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <translation>密码不对，请再试一次。</translation>
    </message>
    <message>
        <source>Too many tries. Please wait {seconds} seconds.</source>
        <extracomment>{seconds} is how long staff must wait before trying again.</extracomment>
        <translation>试的次数太多了，请等{seconds}秒再试。</translation>
    </message>
    <message>
        <source>This PIN may not do this. Please ask a manager.</source>
        <translation>这个密码不能做这件事，请找经理。</translation>
    </message>
    <message>
        <source>This call is already closed.</source>
        <translation>这次呼叫已经结束了。</translation>
    </message>
    <message>
        <source>The PIN cannot be checked now: the branch server does not answer. Please try again, or use the staff console.</source>
        <translation>现在无法核对密码：支行服务器没有回应。请再试一次，或者到工作台操作。</translation>
    </message>
    <message>
        <source>A PIN has {fewest} to {most} digits.</source>
        <extracomment>{fewest} and {most} are the shortest and longest PIN allowed, in digits.</extracomment>
        <translation>密码是{fewest}到{most}位数字。</translation>
    </message>
    <message>
        <source>Checking the PIN.</source>
        <translation>正在核对密码。</translation>
    </message>
    <message>
        <source>More names</source>
        <translation>更多名字</translation>
    </message>
    <message>
        <source>Please choose your name.</source>
        <translation>请选择您的名字。</translation>
    </message>
    <message>
        <source>{name}, please type your PIN.</source>
        <extracomment>{name} is the member of staff who is typing their PIN.</extracomment>
        <translation>{name}，请输入您的密码。</translation>
    </message>
</context>
<context>
    <name>Ticket</name>
    <message>
        <source>Take a ticket</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Please take your ticket from the slot below.</source>
        <translation>请从下方出票口取走您的号票。</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Your ticket is being printed.</source>
        <translation>正在打印号票。</translation>
    </message>
    <message>
        <source>Please remember your number: {number}.</source>
        <extracomment>{number} is the ticket number, e.g. A042, repeated so it can be remembered.</extracomment>
        <translation>请记住您的号码：{number}号。</translation>
    </message>
    <message>
        <source>Please take your ticket below.</source>
        <translation>请在下方取走号票。</translation>
    </message>
    <message>
        <source>Sorry, the ticket could not be printed.</source>
        <translation>抱歉，号票没有打印出来。</translation>
    </message>
    <message>
        <source>This kiosk cannot reach the ticket system just now.</source>
        <translation>这台机器现在连不上取号系统。</translation>
    </message>
    <message>
        <source>The ticket system did not answer in time.</source>
        <translation>取号系统没有及时回应。</translation>
    </message>
    <message>
        <source>This service is closed just now.</source>
        <translation>这项业务现在暂停办理。</translation>
    </message>
    <message>
        <source>The branch is not giving out tickets just now.</source>
        <translation>网点现在暂停取号。</translation>
    </message>
    <message>
        <source>There are no more tickets for this service today.</source>
        <translation>这项业务今天的号已经取完了。</translation>
    </message>
    <message>
        <source>This service cannot be chosen here today.</source>
        <translation>这项业务今天不能在这里取号。</translation>
    </message>
    <message>
        <source>That number was not missed today, or it is already back in line. Please ask in the lobby.</source>
        <translation>这个号码今天没有过号，或者已经重新排队了。请到大堂咨询。</translation>
    </message>
    <message>
        <source>No ticket could be given out.</source>
        <translation>没能取到号。</translation>
    </message>
    <message>
        <source>Please wait a moment. Your ticket is on its way.</source>
        <translation>请稍等，正在为您取号。</translation>
    </message>
    <message>
        <source>Sorry, we could not give you a ticket.</source>
        <translation>抱歉，没能为您取到号。</translation>
    </message>
    <message>
        <source>{number}</source>
        <extracomment>The ticket number alone, in huge type on the ticket screen. {number} is like A042; in Chinese it is written with 号 after it.</extracomment>
        <translation>{number}号</translation>
    </message>
    <message>
        <source>Please keep your ticket. Staff will serve you at the counter.</source>
        <translation>请拿好号票，工作人员会在柜台为您办理。</translation>
    </message>
    <message>
        <source>Scan it with your phone to follow the queue.</source>
        <translation>用手机扫一扫，随时看排队进度。</translation>
    </message>
    <message>
        <source>Please go to the counter. Staff there will give you a number.</source>
        <translation>请到柜台，工作人员会给您一个号。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>再试一次</translation>
    </message>
    <message>
        <source>I&apos;m finished</source>
        <translation>取好了</translation>
    </message>
</context>
<context>
    <name>WaitAlertStrip</name>
    <message>
        <source>{number} has waited {minutes} minutes.</source>
        <extracomment>{number}: an elderly priority ticket, e.g. A005; {minutes}: whole minutes.</extracomment>
        <translation>{number}已等候{minutes}分钟。</translation>
    </message>
    <message>
        <source>Please see to them in the lobby.</source>
        <translation>请到大堂照看这位客户。</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Hide the waiting-time note</source>
        <translation>隐藏等候提示</translation>
    </message>
    <message>
        <source>Long waits of elderly priority tickets</source>
        <translation>老年人优先号码等候过久</translation>
    </message>
</context>
</TS>
