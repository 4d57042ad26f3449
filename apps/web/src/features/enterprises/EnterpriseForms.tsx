import { useMutation } from '@apollo/client/react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { errorText } from '../../lib/ErrorAlert';
import { IP_KIND_LABELS, creditCodeProblem, type IpKind } from './enterpriseDisplay';
import { CREATE_ENTERPRISE, type CreateEnterpriseVariables, type LibraryEntry } from './enterprises.graphql';

export const IP_KIND_OPTIONS = (Object.keys(IP_KIND_LABELS) as IpKind[]).map((k) => ({
  value: k,
  label: IP_KIND_LABELS[k],
}));

export const creditCodeRule = {
  validator(_: unknown, value: string | undefined) {
    if (!value?.trim()) return Promise.reject(new Error('请输入统一社会信用代码'));
    const problem = creditCodeProblem(value);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

type CreateForm = CreateEnterpriseVariables['input'];

/**
 * 新增企业 (Art 6.3): the fund manager, or a bank adding a new borrower with its patents and trademarks.
 * `onCreated` gets the id of a new entry (one the caller may open); `onEntry` gets the library's entry
 * either way, also one already there (enough to lend to it), e.g. for loan registration.
 */
export function CreateEnterpriseModal({
  open,
  onClose,
  onCreated,
  onEntry,
  initialCreditCode,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
  onEntry?: (entry: LibraryEntry) => void;
  initialCreditCode?: string;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [create, { loading }] = useMutation(CREATE_ENTERPRISE, { refetchQueries: ['Enterprises'] });

  async function submit(values: CreateForm) {
    try {
      const { data } = await create({
        variables: {
          input: {
            ...values,
            creditCode: values.creditCode.trim().toUpperCase(),
            ipAssets: values.ipAssets ?? [],
          },
        },
      });
      const entry = data?.createEnterprise;
      if (entry?.alreadyInLibrary) message.info(`企业库中已有该统一社会信用代码的企业：${entry.name}`);
      else message.success(`已加入企业库：${values.name}`);
      form.resetFields();
      onClose();
      // An existing entry may be one the caller cannot open (another bank's borrower): its id is enough to lend.
      if (entry && !entry.alreadyInLibrary) onCreated?.(entry.id);
      if (entry) onEntry?.(entry);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title="新增企业"
      width={720}
      open={open}
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ district: '江北区', creditCode: initialCreditCode }}
      >
        <Form.Item
          name="name"
          label="企业名称"
          rules={[{ required: true, whitespace: true, message: '请输入企业名称' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label="统一社会信用代码" rules={[creditCodeRule]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Space style={{ width: '100%' }} wrap>
          <Form.Item name="district" label="所在区">
            <Input />
          </Form.Item>
          <Form.Item name="industry" label="所属行业">
            <Input />
          </Form.Item>
        </Space>
        <Form.List name="ipAssets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: '类型' }]}>
                    <Select options={IP_KIND_OPTIONS} placeholder="类型" style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'registrationNo']}
                    rules={[{ required: true, whitespace: true, message: '请输入登记号' }]}
                  >
                    <Input placeholder="专利号 / 商标注册号" style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
                  >
                    <Input placeholder="名称" style={{ width: 240 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label="删除" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'PATENT' })}>
                添加专利或商标
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
