import { DEMO_END, DEMO_START, type DemoCampaign, t } from './demoTypes.ts';

/** Broadband, handset and roaming campaigns: realistic tariff wording, every must-say element filled. */
export const HOME_CAMPAIGNS: DemoCampaign[] = [
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-ac79283fd585',
      title: t('千兆融合宽带199元', 'Gigabit home bundle, 199 yuan'),
      offerCode: 'BB-1000-199',
      category: 'broadband',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: true,
      segmentNote: t('家庭多人多设备、在用他网宽带、新入住小区', 'Households with many devices, using another provider, or newly moved in'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-121d9ab1a158',
    talkTrack: {
      elements: {
        name: t('千兆融合宽带199元套餐', 'Gigabit home bundle, 199 yuan'),
        price: t(
          '月费199元，按月计费，含宽带和手机套餐；装机当月按天折算。免收安装调测费；光猫、机顶盒各收押金100元，退网交还设备后退还。',
          '199 yuan a month covering broadband and mobile plan; the installation month is prorated by day. No installation fee; a 100-yuan deposit each for the modem and TV box, refunded when they are returned on leaving.',
        ),
        content: t(
          '1000M光纤宽带、IPTV高清电视；主卡每月国内流量40GB、国内通话1000分钟；可加两张副卡，共享流量和通话。',
          '1000 Mbit/s fibre broadband and HD IPTV; the main line gets 40 GB domestic data and 1000 domestic minutes a month; two extra SIM cards can be added, sharing data and minutes.',
        ),
        eligibility: t(
          '安装地址在光纤覆盖范围内（需预约上门勘察确认）；办理人本人实名，主卡号码无欠费。',
          'The address must have fibre coverage (confirmed by a booked site check); the applicant registered under their real name, main line with no arrears.',
        ),
        validity: t(
          '装机完成当日生效；合约期24个月，期满后按原资费自动续用，可随时变更。',
          'Takes effect on the day installation is finished; 24-month term, after which it continues at the same price and can be changed at any time.',
        ),
        cancel: t(
          '本人携身份证到营业厅办理拆机或退订，并交还光猫和机顶盒；合约期满后也可拨打10086预约办理。',
          'Come to a service hall with your ID card to disconnect or cancel and return the modem and TV box; after the term you may also book it by calling 10086.',
        ),
        restrictions: t(
          '合约期内提前拆机，按剩余月数×30元收取违约金；千兆速率需千兆网口或WiFi 6设备，实际速率受终端和室内布线影响；移机另收移机费100元；设备损坏或遗失按价赔偿。',
          'Disconnecting within the term costs 30 yuan per remaining month; gigabit speed needs gigabit ports or Wi-Fi 6 devices and depends on devices and indoor wiring; moving the line costs 100 yuan; damaged or lost equipment is paid for at its price.',
        ),
      },
      opening: t(
        '您好，您家里现在用的是哪家宽带？每月大概多少钱？',
        'Hello, which broadband do you use at home now, and how much do you pay a month?',
      ),
      pitch: t(
        '千兆融合宽带每月199元，宽带、电视、手机套餐一起，还能加两张副卡给家人用。算下来比宽带和手机分开交更省，网速也是千兆。',
        'The gigabit home bundle is 199 yuan a month for broadband, TV and mobile plan together, with two extra SIMs for your family. It costs less than paying broadband and phones separately, at gigabit speed.',
      ),
      objections: [
        {
          question: t('我现在的宽带还没到期。', 'My current broadband contract hasn\'t ended.'),
          answer: t(
            '没关系，我先帮您登记预约，到期前一周安排上门装机，不会断网也不会两边重复交费。',
            'No problem: I can register you now and book installation a week before it ends, so you are never offline and never pay twice.',
          ),
        },
        {
          question: t('24个月太长了。', '24 months is too long.'),
          answer: t(
            '合约期是为了免安装费和送设备；如果确实要提前拆，违约金是剩余月数乘30元，我现在就写在单子上给您看。',
            'The term is what pays for free installation and equipment; if you must leave early, the fee is 30 yuan per remaining month, and I will write it on your form now.',
          ),
        },
        {
          question: t('千兆我用得上吗？', 'Do I even need gigabit?'),
          answer: t(
            '家里手机、电视、电脑同时用的时候差别很明显；设备不支持千兆也能用，只是速率按设备能力来。',
            'It shows when phones, TV and computer are used at once; devices without gigabit still work, at the speed they support.',
          ),
        },
      ],
      closing: t(
        '我帮您查一下地址能不能装，能装的话现在就预约上门时间，您看周末方便吗？',
        'Let me check your address for coverage; if it is covered we can book the installation now. Would the weekend suit you?',
      ),
    },
  },
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-b04bb5656d15',
      title: t('合约购机直降800元', 'Contract handset, 800 yuan off'),
      offerCode: 'HS-CONTRACT-800',
      category: 'handset',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: false,
      segmentNote: t('手机使用超过3年、屏幕损坏、关注新机的客户', 'Customers with phones over 3 years old, cracked screens, or asking about new models'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-14caaf6a7404',
    talkTrack: {
      elements: {
        name: t('合约购机直降800元', 'Contract handset, 800 yuan off'),
        price: t(
          '指定5G机型按官方零售价直降800元，购机款当场一次付清；合约期内每月最低消费129元（含套餐费），按月计费，不足部分按129元收取。',
          'Selected 5G models at 800 yuan below the official retail price, paid in full at purchase; during the term the monthly minimum spend is 129 yuan (plan fee included), charged monthly, topped up to 129 if lower.',
        ),
        content: t(
          '购机立减800元，并赠送碎屏保障6个月（期内免费换屏一次）。',
          '800 yuan off the handset, plus 6 months of screen protection (one free screen replacement in that time).',
        ),
        eligibility: t(
          '本网实名满6个月、无欠费、信用良好的个人客户；每个身份证限办理1次。',
          'Individual customers registered with us for at least 6 months, no arrears, good credit; once per ID card.',
        ),
        validity: t(
          '购机当日合约生效，合约期24个月；碎屏保障自购机日起6个月有效。',
          'The contract starts on the day of purchase and runs 24 months; screen protection lasts 6 months from purchase.',
        ),
        cancel: t(
          '合约期满自动解除，无需办理；如需提前解约，须本人携身份证到营业厅办理并按约定支付违约金。',
          'The contract ends by itself at the end of the term; to end it early, come to a service hall with your ID card and pay the agreed fee.',
        ),
        restrictions: t(
          '提前解约需按剩余月数折算退还直降金额（800元÷24×剩余月数）；手机激活后不适用7天无理由退货，质量问题按国家三包规定处理；合约期内不可办理过户。',
          'Ending early means repaying the discount pro rata (800 ÷ 24 × remaining months); once activated the phone cannot be returned without reason within 7 days, quality faults follow the national warranty rules; the number cannot be transferred to another person during the term.',
        ),
      },
      opening: t(
        '您好，您这台手机用了好几年了吧？最近有没有考虑换台5G手机？',
        'Hello, your phone must be a few years old now. Have you thought about a 5G phone?',
      ),
      pitch: t(
        '现在指定5G机型合约购机直降800元，还送6个月碎屏保障。您现在月消费就在129元左右，等于不多花钱就把新手机优惠拿到了。',
        'Selected 5G models are 800 yuan off on contract, with 6 months of screen protection. You already spend about 129 yuan a month, so you get the discount without spending more.',
      ),
      objections: [
        {
          question: t('网上买更便宜吧？', 'Isn\'t it cheaper online?'),
          answer: t(
            '您可以对比官方零售价，我们是在官方价基础上再减800元，而且现场激活、数据迁移都帮您弄好。',
            'Compare with the official retail price: we take 800 yuan off that, and we activate the phone and move your data for you here.',
          ),
        },
        {
          question: t('要是两年内想换号怎么办？', 'What if I want to change number within two years?'),
          answer: t(
            '提前解约要按剩余月数退还优惠，比如用满一年再解约，退400元；这个我会写在协议里给您确认。',
            'Ending early repays the discount for the remaining months; after one year that would be 400 yuan. I will show it in the agreement for you to confirm.',
          ),
        },
      ],
      closing: t(
        '您先拿真机体验一下手感和拍照，喜欢的话我给您办理，数据现场帮您迁移好。',
        'Try the demo phone first, its feel and camera; if you like it I will set it up and move your data here and now.',
      ),
    },
  },
  {
    campaign: {
      id: '01a21b6b-0273-746e-aa6e-b498160f87e5',
      title: t('国际及港澳台漫游日包', 'International roaming day pass'),
      offerCode: 'OT-ROAM-DAY',
      category: 'other',
      startDate: DEMO_START,
      endDate: DEMO_END,
      focus: false,
      segmentNote: t('办理出境业务、咨询漫游的客户', 'Customers travelling abroad or asking about roaming'),
    },
    versionId: '01a21b6b-0274-7229-bd4a-1af1db3ac12f',
    talkTrack: {
      elements: {
        name: t('国际及港澳台漫游流量日包', 'International and HK/Macau/Taiwan roaming data day pass'),
        price: t(
          '25元/天，按北京时间自然日计费；只有当天在覆盖地区使用了数据流量才扣费，不用不收。',
          '25 yuan a day, counted by Beijing-time calendar day; charged only on days you use data in a covered area, nothing on other days.',
        ),
        content: t(
          '覆盖70多个国家和地区，每天1GB高速流量，用完后降速至128kbps，当天不再另收费。',
          'Covers over 70 countries and regions: 1 GB of high-speed data a day, then slowed to 128 kbit/s with no further charge that day.',
        ),
        eligibility: t(
          '已开通国际漫游功能的本网实名用户；未开通的可现场一并开通。',
          'Real-name customers of ours with international roaming enabled; it can be enabled here at the same time.',
        ),
        validity: t(
          '办理后立即生效，有效期12个月；无最低在网期限。',
          'Takes effect at once and stays valid 12 months; no minimum term.',
        ),
        cancel: t(
          '发送短信“QXMYRB”至10086，或拨打10086、到营业厅取消，取消后次日起不再按日包计费。',
          'Text "QXMYRB" to 10086, call 10086 or visit a service hall; from the next day roaming data is no longer billed as a day pass.',
        ),
        restrictions: t(
          '仅含数据流量，语音和短信按标准漫游资费收取；不在覆盖范围内的地区、邮轮和航班上网按标准资费计费；请出行前确认目的地在覆盖名单内。',
          'Data only: calls and texts are charged at standard roaming rates; areas outside the list, cruise ships and in-flight connections are charged at standard rates; check that your destination is on the list before you travel.',
        ),
      },
      opening: t(
        '您好，您是准备出国或者去港澳吗？手机在当地上网我帮您安排一下。',
        'Hello, are you travelling abroad or to Hong Kong or Macau? Let me sort out your phone data there.',
      ),
      pitch: t(
        '漫游日包每天25元，每天1GB高速流量，不用的日子不收钱。下飞机开机就能用，不用再去找当地卡。',
        'The roaming day pass is 25 yuan a day with 1 GB of fast data, and costs nothing on days you don\'t use it. It works as soon as you land, no local SIM needed.',
      ),
      objections: [
        {
          question: t('会不会产生天价流量费？', 'Could I get a huge data bill?'),
          answer: t(
            '不会，日包每天最多25元，1GB用完只降速不加钱；语音短信另按标准资费，我把价格表发您短信。',
            'No: at most 25 yuan a day, and after 1 GB it only slows down, it never costs more; calls and texts follow the standard rates, which I will text you.',
          ),
        },
        {
          question: t('我到当地买卡就行。', 'I\'ll just buy a local SIM.'),
          answer: t(
            '当地卡要换号，验证码和家人电话就收不到了；日包用的是您自己的号码，短信照常接收。',
            'A local SIM changes your number, so you miss verification codes and calls from family; the day pass keeps your own number and texts arrive as usual.',
          ),
        },
      ],
      closing: t(
        '您去的国家在覆盖名单里，我现在帮您开通，出发前一天您关机重启一下就行。',
        'Your destination is on the list; I will set it up now. Just restart your phone the day before you leave.',
      ),
    },
  },
];
