import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPhone, maskPhonesInText, maskReporter } from './mask';

describe('PII masking', () => {
  it('masks phones, keeping the first three and last four digits of a mobile', () => {
    expect(maskPhone('13900001234')).toBe('139****1234');
    expect(maskPhone('139-0000-1234')).toBe('139****1234');
    expect(maskPhone('64901234')).toBe('******34');
    expect(maskPhone('')).toBe('');
  });

  it('masks names to the surname, and leaves 王女士-style callers as they are', () => {
    expect(maskName('王秀英')).toBe('王**');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳建国')).toBe('欧***');
    expect(maskName('王')).toBe('*');
    expect(maskName('王女士')).toBe('王女士');
    expect(maskName(' ')).toBe('');
  });

  it('masks an address detail after the building', () => {
    expect(maskAddress('3号楼2单元401')).toBe('3号楼****');
    expect(maskAddress('南侧平房')).toBe('南侧****');
    expect(maskAddress('')).toBe('');
  });

  it('masks phone numbers written into free text', () => {
    expect(maskPhonesInText('请回电13900001234或010-64901234，谢谢')).toBe(
      '请回电139****1234或010****1234，谢谢',
    );
    expect(maskPhonesInText('座机64901234')).toBe('座机******34');
    expect(maskPhonesInText('3号楼2单元401漏水')).toBe('3号楼2单元401漏水');
  });

  it('masks every reporter field unless the access permits reading them', () => {
    const demand = {
      title: '漏水',
      description: '电话13900001234',
      reporterName: '王秀英',
      reporterPhone: '13900001234',
      addressDetail: '3号楼2单元401',
    };
    expect(maskReporter(demand, { pii: true })).toBe(demand);
    expect(maskReporter(demand, { pii: false })).toEqual({
      title: '漏水',
      description: '电话139****1234',
      reporterName: '王**',
      reporterPhone: '139****1234',
      addressDetail: '3号楼****',
    });
    expect(maskReporter({ description: '无' }, { pii: false })).toEqual({ description: '无' });
  });
});
