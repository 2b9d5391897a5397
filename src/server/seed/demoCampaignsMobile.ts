import { DEMO_END, DEMO_START, type DemoCampaign, t } from './demoTypes.ts';

/** Mobile plan and value-added services: realistic tariff wording, every must-say element filled. */
export const MOBILE_CAMPAIGNS: DemoCampaign[] = [
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-a2d9f525871a',
      title: t('5G畅享套餐129元档', '5G Enjoy plan, 129-yuan tier'),
      offerCode: 'VD-5G129',
      category: 'voice_data',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: true,
      segmentNote: t('月均流量超过30GB或常买流量加油包的客户', 'Customers using over 30 GB a month or often buying data top-ups'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-0534b511f879',
    talkTrack: {
      elements: {
        name: t('5G畅享套餐129元档', '5G Enjoy plan, 129-yuan tier'),
        price: t(
          '月费129元，按月计费，每月1日扣费；当月办理立即生效的，首月按天折算。套餐外国内流量3元/GB，国内通话0.15元/分钟。',
          '129 yuan a month, charged on the 1st of each month; if it starts mid-month the first month is prorated by day. Beyond the plan: domestic data 3 yuan/GB, domestic calls 0.15 yuan/minute.',
        ),
        content: t(
          '每月国内通用流量60GB、国内主叫500分钟，来电显示免费；另赠视频会员月卡12个月。',
          'Each month 60 GB of domestic data and 500 domestic outgoing minutes, caller ID free; plus a monthly video membership free for 12 months.',
        ),
        eligibility: t(
          '本省实名登记的个人客户，号码状态正常且无欠费；使用5G手机方可享受5G网络速率。',
          'Individual customers registered under their real name in this province, number in good standing with no arrears; a 5G handset is needed for 5G speeds.',
        ),
        validity: t(
          '默认次月1日生效，也可选择立即生效（当月按天折算）；赠送会员12个月；承诺在网12个月。',
          'Takes effect on the 1st of next month by default, or at once (prorated this month); free membership for 12 months; minimum term 12 months.',
        ),
        cancel: t(
          '发送短信“QXTC”至10086、拨打10086，或本人携身份证到营业厅办理变更，变更次月1日生效。',
          'Text "QXTC" to 10086, call 10086, or come to a service hall with your ID card; the change takes effect on the 1st of next month.',
        ),
        restrictions: t(
          '承诺期内降档或销号，按剩余月数×20元收取违约金；流量限国内使用（不含港澳台），当月未用完不结转、不可共享；赠送会员到期自动停止，不会自动续费。',
          'Moving to a lower tier or closing the number within the minimum term costs 20 yuan per remaining month; data is for use in mainland China only, does not roll over and cannot be shared; the free membership simply ends, it is never renewed for a fee.',
        ),
      },
      opening: t(
        '您好！我看您这几个月都买了流量加油包，我帮您算算有没有更划算的套餐，耽误您一分钟可以吗？',
        'Hello! I see you have bought data top-ups these last months. May I take one minute to check whether a better-value plan fits you?',
      ),
      pitch: t(
        '您现在套餐加上加油包，月均花了一百四十多元。换成5G畅享129元档，每月60GB流量、500分钟通话，基本不用再买加油包，还送12个月视频会员。',
        'With your plan and top-ups you spend over 140 yuan a month. The 5G Enjoy 129 tier gives 60 GB and 500 minutes a month, so you will hardly need top-ups, and it includes a video membership for 12 months.',
      ),
      objections: [
        {
          question: t('129元太贵了。', '129 yuan is too expensive.'),
          answer: t(
            '您看账单，近三个月平均消费142元，换档后固定129元，流量还多了一倍，每GB只合2元左右。',
            'Your bills average 142 yuan over the last three months; this tier is a fixed 129 yuan with twice the data, about 2 yuan per GB.',
          ),
        },
        {
          question: t('我不想被合约绑住。', 'I don\'t want to be tied to a contract.'),
          answer: t(
            '承诺期只有12个月，到期自动解除；期内升档不受限制，只有降档或销号才有违约金，金额我刚才已经跟您说明了。',
            'The minimum term is only 12 months and ends by itself; you can move up at any time, only moving down or closing the number costs the fee I just told you.',
          ),
        },
        {
          question: t('家里有WiFi，用不了那么多流量。', 'I have Wi-Fi at home, I won\'t use that much data.'),
          answer: t(
            '理解。如果您在外用得不多，我们也有更低的档位，我帮您对比一下再决定。',
            'I understand. If you use little data when out, there are lower tiers too; let me compare them for you before you decide.',
          ),
        },
      ],
      closing: t(
        '那我现在帮您办理，默认下月1日生效。办理后10086会发确认短信，里面有资费和退订方式，请您留意查收。',
        'I will set it up now, effective the 1st of next month. 10086 will text you a confirmation with the price and how to cancel; please look out for it.',
      ),
    },
  },
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-a73a97de1412',
      title: t('视频彩铃', 'Video ringback tone'),
      offerCode: 'VAS-VRBT',
      category: 'vas',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: true,
      segmentNote: t('个体商户、年轻客户、爱分享的客户', 'Small business owners, young customers, people who like to share'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-0b1ad58be7e6',
    talkTrack: {
      elements: {
        name: t('视频彩铃包月', 'Video ringback tone, monthly'),
        price: t(
          '5元/月，按月收取，随月租一起扣费；首月免费，次月起收费。',
          '5 yuan a month, charged monthly with your plan fee; the first month is free, charging starts the month after.',
        ),
        content: t(
          '别人给您打电话时，在等待接听期间看到您设置的视频，替代普通铃音；海量视频库每月不限次更换，个人DIY视频审核后可用。',
          'When someone calls you, they see the video you chose while waiting instead of the ring tone; change it as often as you like from a large library, and your own videos can be used once approved.',
        ),
        eligibility: t(
          '本网实名手机用户均可办理；来电方手机需支持并开启VoLTE（高清通话）才能看到视频。',
          'Any real-name mobile customer of ours; callers see the video only if their phone supports and has VoLTE (HD calling) on.',
        ),
        validity: t(
          '办理后即时生效；首月免费，之后按月自动续订，无最低在网期限。',
          'Takes effect at once; the first month is free, then it renews each month; no minimum term.',
        ),
        cancel: t(
          '发送短信“TDSPCL”至10086，或拨打10086、到营业厅办理；退订后当月仍可使用至月底，次月起不再收费。',
          'Text "TDSPCL" to 10086, call 10086 or visit a service hall; after cancelling it works until month end and no fee is charged from next month.',
        ),
        restrictions: t(
          '来电方不支持VoLTE时只能听到普通彩铃；观看和设置视频彩铃不产生流量费；个人上传的视频需审核通过才生效，内容须合法合规。',
          'Callers without VoLTE hear an ordinary ringback tone; watching and setting video tones uses no paid data; uploaded personal videos go live only after review and must be lawful.',
        ),
      },
      opening: t(
        '您好，您是做生意的吧？别人给您打电话的时候，可以先看到一段您店铺的小视频，您感兴趣吗？',
        'Hello, do you run a business? People calling you could first see a short video of your shop. Would you be interested?',
      ),
      pitch: t(
        '视频彩铃每月5元，首月免费。来电的人在等您接听时就能看到您的店铺介绍或喜欢的视频，相当于一个随身的小广告位。',
        'The video ringback tone is 5 yuan a month, first month free. Callers see your shop introduction or a video you like while waiting, like a small advert that goes with you.',
      ),
      objections: [
        {
          question: t('会不会偷偷扣钱？', 'Will I be charged without knowing?'),
          answer: t(
            '不会，办理后10086会发短信告知每月5元和退订方式，首月免费，想停随时发“TDSPCL”到10086就行。',
            'No: 10086 texts you the 5-yuan monthly price and how to cancel, the first month is free, and you can stop any time by texting "TDSPCL" to 10086.',
          ),
        },
        {
          question: t('别人真的能看到吗？', 'Will people really see it?'),
          answer: t(
            '现在大多数手机都支持高清通话，对方开启就能看到；不支持的会听到普通彩铃，不影响通话。',
            'Most phones now support HD calling; callers with it on see the video, others hear a normal tone, and the call is not affected.',
          ),
        },
      ],
      closing: t(
        '我现在帮您开通，首月免费，您可以先用用看效果；我再教您在手机上换视频。',
        'I will switch it on now with the first month free so you can see how it looks, and show you how to change the video on your phone.',
      ),
    },
  },
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-abf5b7d6bc81',
      title: t('个人云盘200GB', 'Personal cloud drive 200 GB'),
      offerCode: 'VAS-CLOUD200',
      category: 'vas',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: false,
      segmentNote: t('手机存储快满、换新手机、有孩子的家庭', 'Customers with full phones, changing phones, or families with children'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-0f47ff04f326',
    talkTrack: {
      elements: {
        name: t('个人云盘200GB包月/年包', 'Personal cloud drive 200 GB, monthly or yearly'),
        price: t(
          '包月10元/月，按月随话费扣取；或年包100元，办理时一次性扣取。',
          'Monthly 10 yuan, charged with your phone bill; or a yearly pack of 100 yuan charged once when you sign up.',
        ),
        content: t(
          '200GB云存储空间，照片、视频、通讯录自动备份，换机一键恢复，支持手机、电脑、电视多端访问。',
          '200 GB of cloud storage with automatic backup of photos, videos and contacts, one-tap restore on a new phone, access from phone, computer and TV.',
        ),
        eligibility: t(
          '本网实名手机用户，需下载并登录云盘App使用。',
          'Real-name mobile customers of ours; use it through the cloud drive app after signing in.',
        ),
        validity: t(
          '办理后即时生效。包月按月自动续订，无在网期限；年包有效期12个月，到期不自动续订。',
          'Takes effect at once. The monthly option renews each month with no minimum term; the yearly pack lasts 12 months and does not renew by itself.',
        ),
        cancel: t(
          '发送短信“QXYP”至10086、在云盘App“我的-会员”中退订、拨打10086或到营业厅办理。',
          'Text "QXYP" to 10086, cancel in the app under "Me - Membership", call 10086, or visit a service hall.',
        ),
        restrictions: t(
          '退订后容量恢复为免费空间，超出部分文件保留30天供下载，逾期删除；年包中途退订不退还剩余费用；上传下载使用手机流量时按套餐计费。',
          'After cancelling, storage drops to the free size and files beyond it are kept 30 days for download, then deleted; a yearly pack cancelled early is not refunded; uploads and downloads over mobile data count against your plan.',
        ),
      },
      opening: t(
        '您的手机提示存储空间不足了吧？孩子的照片视频多，丢了就找不回来了。',
        'Is your phone saying storage is full? With so many photos and videos of your child, losing them would be hard.',
      ),
      pitch: t(
        '个人云盘200GB，每月10元，照片视频自动备份，手机腾出空间，换手机一键恢复；一年用的话选年包100元更省。',
        'The 200 GB personal cloud drive is 10 yuan a month: photos and videos back up automatically, your phone gets space back, and a new phone restores in one tap; the 100-yuan yearly pack saves more.',
      ),
      objections: [
        {
          question: t('我的照片放云上安全吗？', 'Are my photos safe in the cloud?'),
          answer: t(
            '数据加密存储在境内机房，只有登录您本人账号才能看到，也可以设置二次验证。',
            'They are stored encrypted in data centres in China, visible only after signing in to your own account, and you can turn on two-step verification.',
          ),
        },
        {
          question: t('我买个存储卡不就行了？', 'Can\'t I just buy a memory card?'),
          answer: t(
            '存储卡丢了坏了照片也就没了，而且很多新手机不支持插卡；云盘自动备份，不用您操心。',
            'If a card is lost or fails the photos are gone, and many new phones take no card; the cloud backs up automatically without you thinking about it.',
          ),
        },
      ],
      closing: t(
        '您想选包月还是年包？我帮您开通，再在手机上打开自动备份，现场就能看到照片上传。',
        'Would you like monthly or yearly? I will set it up and turn on automatic backup on your phone so you can see your photos uploading right now.',
      ),
    },
  },
];
