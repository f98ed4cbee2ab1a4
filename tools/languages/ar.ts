import { toCardinal } from 'n2words/ar-SA';
import type { Language } from './language';

export const arabic: Language = {
  numbers: {
    spell: toCardinal,
    one: ['واحد'],
    scales: { ألف: 1e3, آلاف: 1e3, مليون: 1e6, ملايين: 1e6 },
    connectors: [], // written onto the next word or alone, "و" is kept: words are compared without spaces
    attachedConnector: 'و',
    minus: ['سالب', 'ناقص'],
    sameAs: [
      ['مائ', 'مئ'], // مائة and مئة are one word, 100
      ['مئتين', 'مئتان'], // 200 after a verb, as people say it
      // the tens and two as people say them (and as Arabic writes them after a verb): عشرين for عشرون
      ['اثنين', 'اثنان'],
      ['عشرين', 'عشرون'],
      ['ثلاثين', 'ثلاثون'],
      ['أربعين', 'أربعون'],
      ['خمسين', 'خمسون'],
      ['ستين', 'ستون'],
      ['سبعين', 'سبعون'],
      ['ثمانين', 'ثمانون'],
      ['تسعين', 'تسعون'],
    ],
  },
  builtInPhrases: {
    'AMAZON.HelpIntent': [
      'مساعدة',
      'ساعدني',
      'ساعديني',
      'أحتاج مساعدة',
      'ماذا أستطيع أن أقول',
      'ماذا يمكنني أن أفعل',
    ],
    'AMAZON.StopIntent': ['توقف', 'توقفي', 'قف', 'وقفي', 'اسكت', 'اسكتي', 'كفى', 'خلاص'],
    'AMAZON.CancelIntent': ['إلغاء', 'ألغ', 'الغي', 'انس الأمر', 'لا يهم'],
    'AMAZON.NavigateHomeIntent': ['الصفحة الرئيسية', 'اذهب إلى الصفحة الرئيسية', 'الرئيسية'],
    'AMAZON.YesIntent': ['نعم', 'أجل', 'أكيد', 'طبعا', 'حسنا', 'ايوه', 'اي'],
    'AMAZON.NoIntent': ['لا', 'لا شكرا', 'كلا', 'أبدا'],
    'AMAZON.StartOverIntent': ['ابدأ من جديد', 'من البداية'],
    'AMAZON.RepeatIntent': ['كرر', 'أعد', 'مرة أخرى'],
    'AMAZON.NextIntent': ['التالي'],
    'AMAZON.PreviousIntent': ['السابق', 'ارجع'],
    'AMAZON.PauseIntent': ['إيقاف مؤقت', 'انتظر'],
    'AMAZON.ResumeIntent': ['استمر', 'تابع'],
  },
  endSession: ['خروج', 'اخرج', 'اخرجي', 'أغلق المهارة'],
  invocation: {
    launch: ['افتح {name}', 'افتحي {name}', 'شغل {name}', 'شغلي {name}', 'ابدأ {name}', 'ابدئي {name}'],
    oneShot: [
      'اسأل {name} {request}',
      'اسألي {name} {request}',
      'اطلب من {name} {request}',
      'اطلبي من {name} {request}',
      '{request} من {name}',
      '{request} في {name}',
    ],
    connectors: ['عن', 'أن', 'ان'],
    wakeWord: 'اليكسا',
  },
  fillers: [
    'من فضلك',
    'لو سمحت',
    'لو سمحتي',
    'رجاء',
    'شكرا',
    'طيب',
    'يعني',
    'اه',
    'ممكن',
    'هل يمكنك',
    'أريد',
    'أبغى',
    'ابي',
    'اليكسا',
  ],
  invocationName: {
    letters: '\\p{Script=Arabic}',
    lettersDescription: 'Arabic letters',
    reservedWords: ['اليكسا', 'أليكسا', 'أمازون', 'ايكو', 'إيكو', 'مهارة', 'تطبيق'],
    launchWords: ['افتح', 'افتحي', 'شغل', 'شغلي', 'ابدأ', 'ابدئي', 'اسأل', 'اسألي', 'اطلب', 'اطلبي'],
    connectingWords: ['من', 'في', 'إلى', 'على', 'عن', 'و', 'مع'],
    oneWordNeedsBrand: true,
  },
};
